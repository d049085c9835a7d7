// fast-check arbitraries for the primitives' values, shared by their tests.
import fc from "fast-check";
import type { DigestItem } from "../../primitives/digest.js";
import type { Header } from "../../primitives/header.js";

const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });
const data = fc.uint8Array({ maxLength: 100 });
const engine = fc.uint8Array({ minLength: 4, maxLength: 4 });
export const digestItemArb: fc.Arbitrary<DigestItem> = fc.oneof(
  fc.tuple(engine, data).map((value) => ({ tag: "PreRuntime" as const, value })),
  fc.tuple(engine, data).map((value) => ({ tag: "Consensus" as const, value })),
  fc.tuple(engine, data).map((value) => ({ tag: "Seal" as const, value })),
  data.map((value) => ({ tag: "Other" as const, value })),
  fc.constant({ tag: "RuntimeEnvironmentUpdated" as const, value: undefined }),
);
export const headerArb: fc.Arbitrary<Header> = fc.record({
  parentHash: hash,
  number: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  stateRoot: hash,
  extrinsicsRoot: hash,
  digest: fc.record({ logs: fc.array(digestItemArb, { maxLength: 6 }) }).map((d) => ({ ...d })),
}).map((h) => ({ ...h }));

