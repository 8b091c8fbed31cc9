import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { INDEX_NAMES, type Projection, TABLE } from '../shared/store/table.ts';

const string = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The service's one table, built from `TABLE` (shared/store/table.ts) exactly as the local
 * runtime builds it (local/ensure-table.ts): string keys, sparse GSIs with their declared projections.
 */
export function serviceTable(scope: Construct, id: string): TableV2 {
  return new TableV2(scope, id, {
    partitionKey: string(TABLE.partitionKey),
    sortKey: string(TABLE.sortKey),
    globalSecondaryIndexes: INDEX_NAMES.map((indexName) => {
      const index: { partitionKey: string; sortKey: string; projection: Projection } =
        TABLE.indexes[indexName];
      return {
        indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        ...(index.projection === 'ALL'
          ? { projectionType: ProjectionType.ALL }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] }),
      };
    }),
    timeToLiveAttribute: TABLE.ttlAttribute,
    // The outbox's way out (infra/events.ts): the pipe forwards new event items to the bus.
    // NEW_IMAGE is all it reads; old images would double the stream's size for nothing.
    dynamoStream: StreamViewType.NEW_IMAGE,
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    // The AWS-managed key (aws/dynamodb) rather than the default AWS-owned one: every use of
    // the key is logged in CloudTrail, at no key cost. A customer-managed key would add a key
    // policy to maintain and a per-key fee, and is only worth it once someone must be able to
    // revoke AWS's access or share the data across accounts — neither is asked for.
    encryption: TableEncryptionV2.awsManagedKey(),
    // The records are the public register and its audit chain: never let a stack deletion
    // or a replacement drop them.
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
