// TFChain 2.9's rent contract tests (tests.rs, test_create_rent_contract_works to
// test_cancel_rent_contract_with_active_node_contracts_fails): renting a node, standby nodes, dedicated
// farms, deployments on rented nodes; plus bad inputs TFChain does not try.
import { strict as assert } from "node:assert";
import { smartContractStorage as sc } from "../../../../runtime/pallets/smart-contract/index.js";
import { tfgridStorage as grid } from "../../../../runtime/pallets/tfgrid/index.js";
import { ALICE, BOB, ContractChain, deploymentData, deploymentHash, prepareDedicatedFarmAndNode } from "./fixtures.js";

const NODE_ID = 1;
const rent = { node_id: NODE_ID, solution_provider_id: undefined };

/** A deployment on node 1 with one public IP (TFChain's rent tests ask for one). */
const nodeContract = (seed: number, publicIps = 1) => ({
  node_id: NODE_ID, deployment_hash: deploymentHash(seed), deployment_data: deploymentData(), public_ips: publicIps,
  solution_provider_id: undefined,
});

/** `run_to_block(1)` then `prepare_dedicated_farm_and_node()` (or `prepare_farm_and_node()`). */
function chainWithNode(dedicated: boolean): ContractChain {
  const chain = new ContractChain();
  chain.runToBlock(1);
  if (dedicated) prepareDedicatedFarmAndNode(chain);
  else chain.prepareFarmAndNode();
  return chain;
}

const powerTarget = (target: "Up" | "Down") => ({ node_id: NODE_ID, power_target: target });

describe("SmartContractModule rent contracts (TFChain 2.9 tests.rs)", () => {
  it("rents a node of a dedicated farm (test_create_rent_contract_works)", () => {
    const chain = chainWithNode(true);
    chain.ok(BOB, "create_rent_contract", rent);
    assert.deepEqual(sc.Contracts.get(chain.io, 1n)?.contract_type, { tag: "RentContract", value: { node_id: NODE_ID } });
    assert.equal(sc.ActiveRentContractForNode.get(chain.io, NODE_ID), 1n);
  });

  it("rents a node that is in standby (test_create_rent_contract_on_standby_node_works)", () => {
    const chain = chainWithNode(true);
    chain.ok(ALICE, "TfgridModule.change_power_state", { power_state: "Down" });
    chain.ok(BOB, "create_rent_contract", rent);
  });

  it("keeps a rented node from being sent to standby (test_create_rent_contract_and_switch_node_to_standby_fails)", () => {
    const chain = chainWithNode(true);
    chain.ok(BOB, "create_rent_contract", rent);
    chain.noop(ALICE, "TfgridModule.change_power_target", powerTarget("Down"), "NodeHasActiveContracts");
  });

  it("rents a node switched to standby, which can then be woken up (test_create_rent_contract_on_standby_node_and_wake_it_up_works)", () => {
    const chain = chainWithNode(true);
    chain.ok(ALICE, "TfgridModule.change_power_target", powerTarget("Down"));
    chain.ok(BOB, "create_rent_contract", rent);
    chain.ok(ALICE, "TfgridModule.change_power_target", powerTarget("Up"));
    assert.equal(grid.NodePower.get(chain.io, NODE_ID).target, "Up");
  });

  it("removes a rent contract its owner cancels (test_cancel_rent_contract_works)", () => {
    const chain = chainWithNode(true);
    chain.ok(BOB, "create_rent_contract", rent);
    assert.deepEqual(sc.Contracts.get(chain.io, 1n)?.contract_type, { tag: "RentContract", value: { node_id: NODE_ID } });
    chain.ok(BOB, "cancel_contract", { contract_id: 1n });
    assert.equal(sc.Contracts.get(chain.io, 1n), undefined);
    assert.equal(sc.ActiveRentContractForNode.get(chain.io, NODE_ID), undefined);
    assert.ok(chain.contractEvents().some((e) => e.name === "RentContractCanceled" && e.value.contract_id === 1n));
  });

  it("refuses to rent a shared node that runs a deployment (test_create_rent_contract_on_node_in_use_fails)", () => {
    const chain = chainWithNode(false);
    chain.ok(ALICE, "create_node_contract", nodeContract(1, 0));
    chain.noop(BOB, "create_rent_contract", rent, "NodeNotAvailableToDeploy");
  });

  it("rents an empty node of a shared farm (test_create_rent_contract_non_dedicated_empty_node_works)", () => {
    const chain = chainWithNode(false);
    chain.ok(BOB, "create_rent_contract", rent);
  });

  it("refuses a deployment on a dedicated node nobody rents (test_create_node_contract_on_dedicated_node_without_rent_contract_fails)", () => {
    const chain = chainWithNode(true);
    chain.noop(BOB, "create_node_contract", nodeContract(1), "NodeNotAvailableToDeploy");
  });

  it("lets the renter deploy on the rented node (test_create_node_contract_when_having_a_rentcontract_works)", () => {
    const chain = chainWithNode(true);
    chain.ok(BOB, "create_rent_contract", rent);
    chain.ok(BOB, "create_node_contract", nodeContract(1));
    assert.deepEqual(sc.ActiveNodeContracts.get(chain.io, NODE_ID), [2n]);
  });

  it("refuses a deployment on a shared node rented by another twin (test_create_node_contract_on_node_rented_by_other_fails)", () => {
    const chain = chainWithNode(false);
    chain.ok(BOB, "create_rent_contract", rent);
    chain.noop(ALICE, "create_node_contract", nodeContract(1), "NodeNotAvailableToDeploy");
  });

  it("refuses a deployment on a dedicated node rented by another twin (test_create_node_contract_on_dedicated_node_rented_by_other_fails)", () => {
    const chain = chainWithNode(true);
    chain.ok(BOB, "create_rent_contract", rent);
    chain.noop(ALICE, "create_node_contract", nodeContract(1), "NodeNotAvailableToDeploy");
  });

  it("refuses to cancel a rent while deployments run on the node (test_cancel_rent_contract_with_active_node_contracts_fails)", () => {
    const chain = chainWithNode(true);
    chain.ok(ALICE, "TFTPriceModule.set_prices", { price: 50, block_number: 101 });
    chain.ok(BOB, "create_rent_contract", rent);
    chain.ok(BOB, "create_node_contract", nodeContract(1));
    chain.noop(BOB, "cancel_contract", { contract_id: 1n }, "NodeHasActiveContracts");
  });
});

describe("SmartContractModule rent contracts: bad inputs", () => {
  it("refuses a second rent on the same node", () => {
    const chain = chainWithNode(true);
    chain.ok(BOB, "create_rent_contract", rent);
    chain.noop(ALICE, "create_rent_contract", rent, "NodeHasRentContract");
  });

  it("refuses to rent an unknown node, or a node whose farm does not exist", () => {
    const chain = chainWithNode(true);
    chain.noop(BOB, "create_rent_contract", { ...rent, node_id: NODE_ID + 1 }, "NodeNotExists");
    grid.Nodes.set(chain.io, NODE_ID, { ...grid.Nodes.get(chain.io, NODE_ID)!, farm_id: 99 });
    chain.noop(BOB, "create_rent_contract", rent, "FarmNotExists");
  });

  it("lets only the renter cancel a rent contract", () => {
    const chain = chainWithNode(true);
    chain.ok(BOB, "create_rent_contract", rent);
    chain.noop(ALICE, "cancel_contract", { contract_id: 1n }, "TwinNotAuthorizedToCancelContract");
  });

  it("refuses to update a rent contract as a node contract", () => {
    const chain = chainWithNode(true);
    chain.ok(BOB, "create_rent_contract", rent);
    const args = { contract_id: 1n, deployment_hash: deploymentHash(1), deployment_data: deploymentData() };
    chain.noop(BOB, "update_node_contract", args, "InvalidContractType");
  });
});
