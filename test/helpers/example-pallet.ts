// A test pallet in the spirit of pallet_utility's `example` mock: calls with chosen weights, failures with
// and without a reported weight, storage writes and events to watch rollbacks, and a record of the caller.
import { AccountId32 } from "../../primitives/account.js";
import { bool, enumeration, option, u32 } from "../../primitives/schema.js";
import { DispatchFailure, palletErrors } from "../../runtime/dispatch-error.js";
import { Weight, weight as w } from "../../runtime/dispatch-types.js";
import { ensureSigned } from "../../runtime/origin.js";
import { call, definePallet } from "../../runtime/pallet.js";
import { map, palletStorage, value } from "../../runtime/storage-item.js";

export const EXAMPLE_INDEX = 200;

export const exampleStorage = palletStorage("Example", {
  Values: map("Twox64Concat", u32, u32),
  LastCaller: value(AccountId32),
});

const errors = palletErrors("Example", { Boom: "It failed on purpose." });

/** The weight `put`, `fail` and `record_caller` declare. */
export const EXAMPLE_CALL_WEIGHT = w(1_000_000n, 10n);

export const example = definePallet({
  name: "Example",
  index: EXAMPLE_INDEX,
  storage: exampleStorage,
  calls: {
    type: { path: "example::pallet::Call", params: [{ name: "T" }] },
    list: {
      // Succeeds with the weight it is given, from any origin.
      noop: call(0, { weight: Weight }, { weight: (a) => a.weight }, () => {}),
      // pallet_utility's `foobar`: signed only; fails when `err`; reports `end_weight` either way.
      foobar: call(1, { err: bool, start_weight: Weight, end_weight: option(Weight) }, { weight: (a) => a.start_weight }, (_ctx, origin, a) => {
        ensureSigned(origin);
        const post = a.end_weight ? { actualWeight: a.end_weight } : undefined;
        if (a.err) throw new DispatchFailure({ tag: "Other" }, post);
        return post;
      }),
      // Writes Values[key] and deposits `Put`, from any origin.
      put: call(2, { key: u32, value: u32 }, { weight: EXAMPLE_CALL_WEIGHT }, (ctx, _origin, a) => {
        exampleStorage.Values.set(ctx.io, a.key, a.value);
        ctx.deposit("Example", { tag: "Put", value: { key: a.key, value: a.value } });
      }),
      // Writes Values[key] = 1, then fails with Example.Boom.
      fail: call(3, { key: u32 }, { weight: EXAMPLE_CALL_WEIGHT }, (ctx, _origin, a) => {
        exampleStorage.Values.set(ctx.io, a.key, 1);
        errors.raise("Boom");
      }),
      // Stores the signer.
      record_caller: call(4, {}, { weight: EXAMPLE_CALL_WEIGHT }, (ctx, origin) => {
        exampleStorage.LastCaller.set(ctx.io, ensureSigned(origin));
      }),
      // An Operational call that does nothing.
      operational: call(5, {}, { weight: w(7n), class: "Operational" }, () => {}),
    },
  },
  events: enumeration({ path: "example::pallet::Event" }, { Put: { fields: { key: u32, value: u32 } } }),
  errors: { type: { path: "example::pallet::Error", params: [{ name: "T" }] }, list: errors },
});
