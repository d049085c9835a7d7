/**
 * Dispatch origins: who a call runs as. TFChain's are FRAME's raw origins plus, later, the Council's.
 */
import { fail } from "./dispatch-error.js";

export type Origin =
  | { tag: "Root" }
  | { tag: "Signed"; value: Uint8Array }
  | { tag: "None" };

export const ROOT: Origin = { tag: "Root" };
export const NONE: Origin = { tag: "None" };

export function signed(who: Uint8Array): Origin {
  return { tag: "Signed", value: who };
}

/** The signer's account, or `BadOrigin`. */
export function ensureSigned(origin: Origin): Uint8Array {
  if (origin.tag !== "Signed") fail({ tag: "BadOrigin" });
  return origin.value;
}

export function ensureRoot(origin: Origin): void {
  if (origin.tag !== "Root") fail({ tag: "BadOrigin" });
}

export function ensureNone(origin: Origin): void {
  if (origin.tag !== "None") fail({ tag: "BadOrigin" });
}
