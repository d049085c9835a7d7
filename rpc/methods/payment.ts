/**
 * `payment_queryInfo` and `payment_queryFeeDetails` (pallet-transaction-payment-rpc): the runtime's
 * `TransactionPaymentApi` at a block, in the RPC's JSON. Deprecated in Substrate for `state_call`, still
 * served by TFChain 2.9 and used by tools.
 *
 * Shapes, as serde writes them: `{"weight":{"ref_time":…,"proof_size":…},"class":"normal","partialFee":"…"}`
 * (the fee a decimal string, `Weight`'s fields in snake_case) and
 * `{"inclusionFee":{"baseFee":"0x…","lenFee":"0x…","adjustedWeightFee":"0x…"}|null,"tip":0}` (balances as
 * `NumberOrHex::Hex`, the tip `NumberOrHex::default()`).
 */
import { concat } from "../../primitives/bytes.js";
import { FeeDetailsSchema, RuntimeDispatchInfoSchema } from "../../runtime/pallets/transaction-payment/types.js";
import { RpcError, rpcErrors } from "../errors.js";
import { toHexQuantity, u32le } from "../hex.js";
import type { MethodGroup } from "../method.js";
import { bytesParam, hashParam, type Params } from "../params.js";
import type { MethodContext } from "./context.js";
import { opaqueExtrinsic } from "./author.js";

type Query = "info" | "fee details";

export function paymentMethods({ chain }: MethodContext): MethodGroup {
  /** Runs `TransactionPaymentApi_<method>` on the submitted extrinsic at the requested block. */
  async function query(p: Params, what: Query, method: string): Promise<Uint8Array> {
    const encoded = p.required(0, "encoded_xt", bytesParam);
    const at = p.optional(1, "at", hashParam);
    let xt: Uint8Array;
    try {
      xt = opaqueExtrinsic(encoded);
    } catch {
      throw rpcErrors.paymentDecode(what, 'Error { cause: None, desc: "Not enough data to fill buffer" }');
    }
    try {
      const { state } = await chain.state(at);
      return chain.call(method, state, concat(xt, u32le(encoded.length)));
    } catch (e) {
      throw rpcErrors.paymentRuntime(what, e instanceof RpcError ? e.message.replace(/^Client error: /, "") : String(e));
    }
  }

  return {
    methods: [
      {
        name: "payment_queryInfo", params: ["encoded_xt", "at"],
        call: async (p) => {
          const info = RuntimeDispatchInfoSchema.dec(await query(p, "info", "TransactionPaymentApi_query_info"));
          return {
            weight: { ref_time: Number(info.weight.ref_time), proof_size: Number(info.weight.proof_size) },
            class: info.class.charAt(0).toLowerCase() + info.class.slice(1),
            partialFee: info.partial_fee.toString(),
          };
        },
      },
      {
        name: "payment_queryFeeDetails", params: ["encoded_xt", "at"],
        call: async (p) => {
          const details = FeeDetailsSchema.dec(await query(p, "fee details", "TransactionPaymentApi_query_fee_details"));
          const fee = details.inclusion_fee;
          return {
            inclusionFee: fee === undefined
              ? null
              : { baseFee: toHexQuantity(fee.base_fee), lenFee: toHexQuantity(fee.len_fee), adjustedWeightFee: toHexQuantity(fee.adjusted_weight_fee) },
            tip: 0,
          };
        },
      },
    ],
    subscriptions: [],
  };
}
