/**
 * fast-check generators and a plain reference model shared by the trie property tests.
 *
 * Keys come from a tiny alphabet so that they share prefixes, end inside each other's paths and split
 * nodes at odd nibbles; some carry a 40-byte common stem so that partial keys exceed the 63-nibble header.
 * Values cross the 32-byte line between inline and hashed nodes and the 64-byte compact-length step.
 */
import fc from "fast-check";
import { compareBytes } from "../../../primitives/bytes.js";

const STEM = Uint8Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff);

export const keyArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(0x00, 0x01, 0x10, 0x11, 0x12, 0xff), { maxLength: 4 }).map((a) => Uint8Array.from(a)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(0x00, 0x01, 0x10), { maxLength: 2 }).map((a) => Uint8Array.from([...STEM, ...a])) },
);

export const valueArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.uint8Array({ minLength: 60, maxLength: 70 }),
);

export const entriesArb = fc.array(fc.tuple(keyArb, valueArb), { maxLength: 40 });

export const changesArb = fc.array(fc.tuple(keyArb, fc.option(valueArb, { nil: null, freq: 3 })), { maxLength: 25 });

/** A sorted map keyed by hex: the behaviour the trie must match. */
export class Model {
  readonly map = new Map<string, Uint8Array>();

  apply(changes: Iterable<readonly [Uint8Array, Uint8Array | null]>): void {
    for (const [k, v] of changes) {
      if (v === null) this.map.delete(hex(k));
      else this.map.set(hex(k), v);
    }
  }

  /** Entries in key order. */
  entries(): [Uint8Array, Uint8Array][] {
    return [...this.map]
      .map(([k, v]) => [Uint8Array.from(Buffer.from(k, "hex")), v] as [Uint8Array, Uint8Array])
      .sort((a, b) => compareBytes(a[0], b[0]));
  }

  nextKey(key: Uint8Array): Uint8Array | undefined {
    return this.entries().find(([k]) => compareBytes(k, key) > 0)?.[0];
  }
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}
