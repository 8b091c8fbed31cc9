import { recordStoreContract } from '../support/contracts/record-store.contract.ts';
import { timerPortsContract } from '../support/contracts/timers.contract.ts';
import { workflowStoreContract } from '../support/contracts/workflow-store.contract.ts';
import { dynamoDbPorts } from '../support/dynamodb.ts';

// Each repository method the domain relies on, on DynamoDB Local; the in-memory fakes of the
// unit tests pass the same contracts (test/unit/contracts/in-memory-ports.test.ts).
recordStoreContract(dynamoDbPorts);
workflowStoreContract(dynamoDbPorts);
timerPortsContract(dynamoDbPorts);
