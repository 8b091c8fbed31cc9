import { inMemoryPorts } from '../../support/contracts/ports.ts';
import { recordStoreContract } from '../../support/contracts/record-store.contract.ts';
import { timerPortsContract } from '../../support/contracts/timers.contract.ts';
import { workflowStoreContract } from '../../support/contracts/workflow-store.contract.ts';

// The fakes the rule tests use keep the contracts the DynamoDB repositories keep
// (test/integration/repositories.test.ts runs the same contracts there).
recordStoreContract(inMemoryPorts);
workflowStoreContract(inMemoryPorts);
timerPortsContract(inMemoryPorts);
