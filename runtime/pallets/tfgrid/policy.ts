/**
 * Pricing and farming policies, the connection price and the ZOS version (all restricted calls), and the
 * choice of a node's farming policy.
 */
import { equalBytes } from "../../../primitives/bytes.js";
import type { BlockContext } from "../../pallet.js";
import { emit, must, nowSeconds } from "./common.js";
import { TFGRID_FARMING_POLICY_VERSION, TFGRID_PRICING_POLICY_VERSION } from "./constants.js";
import { errors } from "./errors.js";
import { computeUnits, storageUnits } from "./resources.js";
import { storage } from "./storage.js";
import type { FarmCertification, FarmingPolicy, Node, NodeCertification, Policy } from "./types.js";

export interface PricingPolicyArgs {
  name: Uint8Array;
  su: Policy;
  cu: Policy;
  nu: Policy;
  ipu: Policy;
  unique_name: Policy;
  domain_name: Policy;
  foundation_account: Uint8Array;
  certified_sales_account: Uint8Array;
  discount_for_dedication_nodes: number;
}

export function createPricingPolicy(ctx: BlockContext, a: PricingPolicyArgs): void {
  errors.ensure(!storage.PricingPolicyIdByName.contains(ctx.io, a.name), "PricingPolicyExists");
  const id = storage.PricingPolicyID.get(ctx.io) + 1;
  const policy = { version: TFGRID_PRICING_POLICY_VERSION, id, ...a };
  storage.PricingPolicies.set(ctx.io, id, policy);
  storage.PricingPolicyIdByName.set(ctx.io, a.name, id);
  storage.PricingPolicyID.set(ctx.io, id);
  emit(ctx, { tag: "PricingPolicyStored", value: [policy] });
}

export function updatePricingPolicy(ctx: BlockContext, a: PricingPolicyArgs & { pricing_policy_id: number }): void {
  const { pricing_policy_id: id, ...fields } = a;
  const policy = must(storage.PricingPolicies.get(ctx.io, id), "PricingPolicyNotExists");
  if (storage.PricingPolicyIdByName.contains(ctx.io, a.name)) {
    errors.ensure(storage.PricingPolicyIdByName.get(ctx.io, a.name) === id, "PricingPolicyWithDifferentIdExists");
  }
  if (!equalBytes(a.name, policy.name)) storage.PricingPolicyIdByName.remove(ctx.io, policy.name);
  const updated = { ...policy, ...fields };
  storage.PricingPolicies.set(ctx.io, id, updated);
  storage.PricingPolicyIdByName.set(ctx.io, updated.name, id);
  // TFChain quirk, kept: the id counter is set to the updated policy's id.
  storage.PricingPolicyID.set(ctx.io, id);
  emit(ctx, { tag: "PricingPolicyStored", value: [updated] });
}

export interface FarmingPolicyArgs {
  name: Uint8Array;
  su: number;
  cu: number;
  nu: number;
  ipv4: number;
  minimal_uptime: number;
  policy_end: number;
  default: boolean;
  node_certification: NodeCertification;
  farm_certification: FarmCertification;
}

export function createFarmingPolicy(ctx: BlockContext, a: FarmingPolicyArgs & { immutable: boolean }): void {
  const id = storage.FarmingPolicyID.get(ctx.io) + 1;
  const policy: FarmingPolicy = {
    version: TFGRID_FARMING_POLICY_VERSION,
    id,
    name: a.name,
    cu: a.cu,
    su: a.su,
    nu: a.nu,
    ipv4: a.ipv4,
    minimal_uptime: a.minimal_uptime,
    policy_created: ctx.blockNumber,
    policy_end: a.policy_end,
    immutable: a.immutable,
    default: a.default,
    node_certification: a.node_certification,
    farm_certification: a.farm_certification,
  };
  storage.FarmingPoliciesMap.set(ctx.io, id, policy);
  storage.FarmingPolicyID.set(ctx.io, id);
  emit(ctx, { tag: "FarmingPolicyStored", value: [policy] });
}

export function updateFarmingPolicy(ctx: BlockContext, a: FarmingPolicyArgs & { farming_policy_id: number }): void {
  const { farming_policy_id: id, ...fields } = a;
  errors.ensure(storage.FarmingPoliciesMap.contains(ctx.io, id), "FarmingPolicyNotExists");
  const policy = { ...storage.FarmingPoliciesMap.get(ctx.io, id), ...fields };
  storage.FarmingPoliciesMap.set(ctx.io, id, policy);
  emit(ctx, { tag: "FarmingPolicyUpdated", value: [policy] });
}

export function setConnectionPrice(ctx: BlockContext, price: number): void {
  storage.ConnectionPrice.set(ctx.io, price);
  emit(ctx, { tag: "ConnectionPriceSet", value: [price] });
}

export function setZosVersion(ctx: BlockContext, version: Uint8Array): void {
  errors.ensure(!equalBytes(storage.ZosVersion.get(ctx.io), version), "InvalidZosVersion");
  storage.ZosVersion.set(ctx.io, version);
  emit(ctx, { tag: "ZosVersionUpdated", value: [version] });
}

const FARM_RANK: Record<FarmCertification, number> = { NotCertified: 0, Gold: 1 };
const NODE_RANK: Record<NodeCertification, number> = { Diy: 0, Certified: 1 };

/**
 * All policies, best first: TFChain sorts by (default, farm certification, node certification, id) and
 * reverses, so default policies come first, then the most certified, then the newest.
 */
function policiesBestFirst(ctx: BlockContext): FarmingPolicy[] {
  const key = (p: FarmingPolicy) => [p.default ? 1 : 0, FARM_RANK[p.farm_certification], NODE_RANK[p.node_certification], p.id];
  const policies = [...storage.FarmingPoliciesMap.entries(ctx.io)].map(([, p]) => p);
  return policies.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return 0;
  });
}

function defaultFarmingPolicy(ctx: BlockContext): FarmingPolicy {
  const policy = must(policiesBestFirst(ctx).find((p) => p.default), "FarmingPolicyNotExists");
  return policy;
}

/**
 * `get_farming_policy`: the policy a node gets. A farm with policy limits hands out its attached policy while
 * the limits last (and spends them: CU, SU and node count shrink, `FarmUpdated` is emitted), else the default
 * one; a farm without limits gives the best policy the node's and farm's certifications allow.
 */
export function farmingPolicyFor(ctx: BlockContext, node: Node): FarmingPolicy {
  const farm = must(storage.Farms.get(ctx.io, node.farm_id), "FarmNotExists");
  const limits = farm.farming_policy_limits;
  if (limits) {
    errors.ensure(storage.FarmingPoliciesMap.contains(ctx.io, limits.farming_policy_id), "FarmingPolicyNotExists");
    if (limits.end !== undefined && nowSeconds(ctx) > limits.end) return defaultFarmingPolicy(ctx);
    const spent = { ...limits };
    if (limits.cu !== undefined) {
      const cu = computeUnits(node.resources);
      if (cu > limits.cu) return defaultFarmingPolicy(ctx);
      spent.cu = limits.cu - cu;
    }
    if (limits.su !== undefined) {
      const su = storageUnits(node.resources);
      if (su > limits.su) return defaultFarmingPolicy(ctx);
      spent.su = limits.su - su;
    }
    if (limits.node_count !== undefined) {
      if (limits.node_count === 0) return defaultFarmingPolicy(ctx);
      spent.node_count = limits.node_count - 1;
    }
    const updated = { ...farm, farming_policy_limits: spent };
    storage.Farms.set(ctx.io, node.farm_id, updated);
    emit(ctx, { tag: "FarmUpdated", value: [updated] });
    return storage.FarmingPoliciesMap.get(ctx.io, limits.farming_policy_id);
  }
  const allowed = (p: FarmingPolicy) =>
    NODE_RANK[p.node_certification] <= NODE_RANK[node.certification] && FARM_RANK[p.farm_certification] <= FARM_RANK[farm.certification];
  return must(policiesBestFirst(ctx).find(allowed), "FarmingPolicyNotExists");
}
