import type { FlagTable } from "./flags.js";

/** Transaction pool limits (Substrate's flags and defaults). */
export const POOL_FLAGS: FlagTable = {
  "pool-limit": { type: "string", value: "<COUNT>", default: "8192", help: "Maximum ready transactions (the future queue holds a tenth)" },
  "pool-kbytes": { type: "string", value: "<KiB>", default: "20480", help: "Maximum size of ready transactions in KiB (future: a tenth)" },
  "tx-ban-seconds": { type: "string", value: "<SECONDS>", default: "1800", help: "How long invalid or included transactions stay banned" },
};
