/** Aura on the client side: slots, sealing and header verification. */
export { MAX_FUTURE_SLOTS, msUntilNextSlot, SLOT_DURATION, SLOT_DURATION_MS, slotAt, slotStart } from "./slots.js";
export { sealHeader, splitSeal, type AuraSigner } from "./seal.js";
export { verifyAuraHeader, type AuraVerifyOptions, type VerifiedAuraHeader } from "./verify.js";
export { auraPreDigest, AURA_ENGINE_ID } from "../../runtime/pallets/aura/index.js";
