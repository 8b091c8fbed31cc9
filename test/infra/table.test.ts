import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_NAMES, keyAttributes, TABLE } from '../../shared/store/table.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const GLOBAL_TABLE = 'AWS::DynamoDB::GlobalTable';

describe('the service table', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesizeService();
  });
  afterAll(() => synth?.dispose());

  it('is the one table of the stack, a TableV2', () => {
    synth.template.resourceCountIs(GLOBAL_TABLE, 1);
    synth.template.resourceCountIs('AWS::DynamoDB::Table', 0);
  });

  it('is billed on demand, encrypted with KMS, and protected by PITR and deletion protection', () => {
    synth.template.hasResourceProperties(GLOBAL_TABLE, {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
  });

  it('expires items on the TTL attribute of shared/store/table.ts', () => {
    synth.template.hasResourceProperties(GLOBAL_TABLE, {
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    });
  });

  it('keys the base table as TABLE declares, every key attribute a string', () => {
    const table = synth.template.findResources(GLOBAL_TABLE);
    const props = Object.values(table)[0]?.Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const definitions = props.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(definitions.map((d) => d.AttributeName).sort()).toEqual(keyAttributes().sort());
    expect(new Set(definitions.map((d) => d.AttributeType))).toEqual(new Set(['S']));
  });

  it.each(INDEX_NAMES)('has index %s with its declared keys and projection, like the local table', (name) => {
    const index: { partitionKey: string; sortKey: string; projection: 'ALL' | readonly string[] } =
      TABLE.indexes[name];
    synth.template.hasResourceProperties(GLOBAL_TABLE, {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection:
            index.projection === 'ALL'
              ? { ProjectionType: 'ALL' }
              : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection] },
        },
      ]),
    });
  });

  it('has no index that shared/store/table.ts does not declare', () => {
    const props = Object.values(synth.template.findResources(GLOBAL_TABLE))[0]?.Properties;
    const names = (props.GlobalSecondaryIndexes as { IndexName: string }[]).map((index) => index.IndexName);
    expect(names.sort()).toEqual([...INDEX_NAMES].sort());
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    synth.template.hasResource(GLOBAL_TABLE, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('publishes its name as a stack output', () => {
    synth.template.hasOutput('TableName', { Value: { Ref: synth.logicalId(synth.stack.table) } });
  });
});
