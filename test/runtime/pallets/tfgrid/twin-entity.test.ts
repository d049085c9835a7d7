// TFChain's pallet-tfgrid scenarios on entities, twins, terms and conditions and twin bonds (tests.rs), then
// bad inputs TFChain's suite leaves out: the relay grammar, T&C text rules, entity signature and names.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { tfgridStorage as S } from "../../../../runtime/pallets/tfgrid/index.js";
import {
  ALICE, BOB, ENTITY_ED25519, ENTITY_SR25519, TfgridBlock, entitySignature, twinEntityMessage,
} from "./fixtures.js";

const RELAY = "somerelay.io";
const PK = "0x6c8fd181adc178cea218e168e8549f0b0ff30627c879db9eac4318927e87c901";

/** `create_entity` arguments for `target`, signed over name ‖ country ‖ city by the entity key of `scheme`. */
function entityArgs(name: string, scheme: "ed25519" | "sr25519" = "ed25519", country = "Belgium", city = "Ghent") {
  const message = utf8(name + country + city);
  return {
    target: scheme === "ed25519" ? ENTITY_ED25519 : ENTITY_SR25519,
    name: utf8(name),
    country: utf8(country),
    city: utf8(city),
    signature: entitySignature(message, scheme),
  };
}

/** `create_entity()` / `create_entity_sr()`: Alice registers `foobar` in Ghent, Belgium for the entity key. */
function createEntity(t: TfgridBlock, scheme: "ed25519" | "sr25519" = "ed25519"): void {
  t.ok(ALICE, "create_entity", entityArgs("foobar", scheme));
}

/** `create_twin`/`update_twin` arguments; `null` stands for `None`. */
function twinArgs(relay: string | null = RELAY, pk: string | null = PK) {
  return { relay: relay === null ? undefined : utf8(relay), pk: pk === null ? undefined : utf8(pk) };
}

function assertEntityStored(t: TfgridBlock, account: Uint8Array): void {
  const entity = { version: 1, id: 1, name: utf8("foobar"), account_id: account, country: utf8("Belgium"), city: utf8("Ghent") };
  assert.deepEqual(S.Entities.get(t.io, 1), entity);
  assert.equal(S.EntityIdByName.get(t.io, utf8("foobar")), 1);
  assert.equal(S.EntityIdByAccountID.get(t.io, account), 1);
  assert.equal(S.EntityID.get(t.io), 1);
  assert.deepEqual(t.lastEvent(), { name: "EntityStored", value: [entity] });
}

describe("TfgridModule entities", () => {
  it("registers an entity proven by an ed25519 signature (test_create_entity_works)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    assertEntityStored(t, ENTITY_ED25519);
  });

  it("registers an entity proven by an sr25519 signature (test_create_entity_sr_works)", () => {
    const t = new TfgridBlock();
    createEntity(t, "sr25519");
    assertEntityStored(t, ENTITY_SR25519);
  });

  it("lets the entity's account rename it and re-indexes the name (test_update_entity_works)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.ok(ENTITY_ED25519, "update_entity", { name: utf8("barfoo"), country: utf8("Belgium"), city: utf8("Ghent") });
    const entity = S.Entities.get(t.io, 1)!;
    assert.deepEqual(entity.name, utf8("barfoo"));
    assert.equal(S.EntityIdByName.get(t.io, utf8("foobar")), 0);
    assert.equal(S.EntityIdByName.get(t.io, utf8("barfoo")), 1);
    assert.deepEqual(t.lastEvent(), { name: "EntityUpdated", value: [entity] });
  });

  it("answers EntityNotExists to an account without an entity that updates (test_update_entity_fails_if_signed_by_someone_else)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.noop(BOB, "update_entity", { name: utf8("barfoo"), country: utf8("Belgium"), city: utf8("Ghent") }, "EntityNotExists");
  });

  it("rejects a second entity with a taken name (test_create_entity_double_fails)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.noop(ALICE, "create_entity", entityArgs("foobar"), "EntityWithNameExists");
  });

  it("rejects a second entity for the same key (test_create_entity_double_fails_with_same_pubkey)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.noop(ALICE, "create_entity", entityArgs("barfoo"), "EntityWithPubkeyExists");
  });

  it("lets the entity's account delete it, with both indexes (test_delete_entity_works)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.ok(ENTITY_ED25519, "delete_entity");
    assert.equal(S.Entities.get(t.io, 1), undefined);
    assert.equal(S.EntityIdByName.contains(t.io, utf8("foobar")), false);
    assert.equal(S.EntityIdByAccountID.contains(t.io, ENTITY_ED25519), false);
    assert.equal(S.EntityID.get(t.io), 1, "ids are not reused");
    assert.deepEqual(t.lastEvent(), { name: "EntityDeleted", value: [1] });
  });

  it("answers EntityNotExists to an account without an entity that deletes (test_delete_entity_fails_if_signed_by_someone_else)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.noop(BOB, "delete_entity", {}, "EntityNotExists");
  });

  it("rejects a signature that is not 128 hex characters", () => {
    const t = new TfgridBlock();
    const args = entityArgs("foobar");
    t.noop(ALICE, "create_entity", { ...args, signature: args.signature.subarray(2) }, "SignatureLengthIsIncorrect");
  });

  it("rejects a signature over other fields", () => {
    const t = new TfgridBlock();
    t.noop(ALICE, "create_entity", { ...entityArgs("foobar"), city: utf8("Brussels") }, "EntitySignatureDoesNotMatch");
  });

  it("checks country and city only once the signature holds", () => {
    const t = new TfgridBlock();
    t.noop(ALICE, "create_entity", entityArgs("foobar", "ed25519", "B"), "CountryNameTooShort");
    t.noop(ALICE, "create_entity", entityArgs("foobar", "ed25519", "Belgium", ""), "CityNameTooShort");
  });
});

describe("TfgridModule twins", () => {
  it("stores a twin after the account accepted the terms and conditions (test_create_twin_works)", () => {
    const t = new TfgridBlock();
    t.setTimestamp(1_628_082_000_123);
    t.acceptTc(ENTITY_ED25519);
    assert.deepEqual(S.UsersTermsAndConditions.get(t.io, ENTITY_ED25519), [
      { account_id: ENTITY_ED25519, timestamp: 1_628_082_000n, document_link: utf8("some_link"), document_hash: utf8("some_hash") },
    ]);
    t.ok(ENTITY_ED25519, "create_twin", twinArgs());
    const twin = { id: 1, account_id: ENTITY_ED25519, relay: utf8(RELAY), entities: [], pk: utf8(PK) };
    assert.deepEqual(S.Twins.get(t.io, 1), twin);
    assert.equal(S.TwinIdByAccountID.get(t.io, ENTITY_ED25519), 1);
    assert.equal(S.TwinID.get(t.io), 1);
    assert.deepEqual(t.lastEvent(), { name: "TwinStored", value: [twin] });
  });

  it("attaches an entity to a twin with the entity's signature (test_add_entity_to_twin)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.createTwin(BOB);
    const signature = entitySignature(twinEntityMessage(1, 1));
    t.ok(BOB, "add_twin_entity", { twin_id: 1, entity_id: 1, signature });
    assert.deepEqual(S.Twins.get(t.io, 1)!.entities, [{ entity_id: 1, signature }]);
    assert.deepEqual(t.lastEvent(), { name: "TwinEntityStored", value: [1, 1, signature] });
  });

  it("rejects an entity signature made for another twin (test_add_entity_to_twin_fails_with_invalid_signature)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.createTwin(BOB);
    const signature = entitySignature(twinEntityMessage(1, 2));
    t.noop(BOB, "add_twin_entity", { twin_id: 1, entity_id: 1, signature }, "EntitySignatureDoesNotMatch");
  });

  it("rejects attaching the same entity proof twice (test_add_entity_to_twin_fails_if_entity_is_added_twice)", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.createTwin(BOB);
    const args = { twin_id: 1, entity_id: 1, signature: entitySignature(twinEntityMessage(1, 1)) };
    t.ok(BOB, "add_twin_entity", args);
    t.noop(BOB, "add_twin_entity", args, "EntityWithSignatureAlreadyExists");
  });

  it("rejects a second twin for the same account (test_create_twin_double_fails)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.noop(ALICE, "create_twin", twinArgs(), "TwinWithPubkeyExists");
  });

  it("lets the owner replace relay and public key (test_update_twin_works)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.ok(ALICE, "update_twin", twinArgs());
    const twin = { id: 1, account_id: ALICE, relay: utf8(RELAY), entities: [], pk: utf8(PK) };
    assert.deepEqual(S.Twins.get(t.io, 1), twin);
    assert.deepEqual(t.lastEvent(), { name: "TwinUpdated", value: [twin] });
    // Both fields are replaced as given, `None` included.
    t.ok(ALICE, "update_twin", twinArgs("relay.grid.tf", null));
    assert.deepEqual(S.Twins.get(t.io, 1), { ...twin, relay: utf8("relay.grid.tf"), pk: undefined });
  });

  it("answers TwinNotExists to an account without a twin that updates (test_update_twin_fails_if_signed_by_someone_else)", () => {
    const t = new TfgridBlock();
    t.acceptTc(ALICE);
    t.ok(ALICE, "create_twin", twinArgs());
    t.noop(BOB, "update_twin", twinArgs(), "TwinNotExists");
  });

  it("refuses a twin before the terms and conditions are accepted", () => {
    const t = new TfgridBlock();
    t.noop(ALICE, "create_twin", twinArgs(), "UserDidNotSignTermsAndConditions");
  });

  it("stores a twin without relay nor public key", () => {
    const t = new TfgridBlock();
    t.acceptTc(ALICE);
    t.ok(ALICE, "create_twin", twinArgs(null, null));
    assert.deepEqual(S.Twins.get(t.io, 1), { id: 1, account_id: ALICE, relay: undefined, entities: [], pk: undefined });
  });

  // TFChain's relay check walks the bytes: labels of [a-zA-Z0-9_-], no leading or trailing dot, and a dot may not
  // follow the previous dot, nor sit at index 1 (its "previous dot" starts at 0), so one-letter first labels fail.
  for (const relay of ["a.b", "", "relay.io.", ".relay.io", "relay..io", "relay io", "relay:8080", "réseau.io"]) {
    it(`rejects the relay ${JSON.stringify(relay)} on create and update`, () => {
      const t = new TfgridBlock();
      t.acceptTc(ALICE);
      t.noop(ALICE, "create_twin", twinArgs(relay), "InvalidRelayAddress");
      t.ok(ALICE, "create_twin", twinArgs());
      t.noop(ALICE, "update_twin", twinArgs(relay), "InvalidRelayAddress");
    });
  }

  it("accepts relays of several labels, dashes and underscores", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    for (const relay of ["ab.c", "relay-1.grid_dev.tf", "localhost", "10.20.30.40"]) t.ok(ALICE, "update_twin", twinArgs(relay));
  });

  it("lets the twin owner detach an entity, and only a known one", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.createTwin(BOB);
    t.ok(BOB, "add_twin_entity", { twin_id: 1, entity_id: 1, signature: entitySignature(twinEntityMessage(1, 1)) });
    t.noop(ALICE, "delete_twin_entity", { twin_id: 1, entity_id: 1 }, "UnauthorizedToUpdateTwin");
    t.noop(BOB, "delete_twin_entity", { twin_id: 1, entity_id: 2 }, "EntityNotExists");
    t.ok(BOB, "delete_twin_entity", { twin_id: 1, entity_id: 1 });
    assert.deepEqual(S.Twins.get(t.io, 1)!.entities, []);
    assert.deepEqual(t.lastEvent(), { name: "TwinEntityRemoved", value: [1, 1] });
  });

  it("refuses to attach an entity to someone else's twin", () => {
    const t = new TfgridBlock();
    createEntity(t);
    t.createTwin(BOB);
    const args = { twin_id: 1, entity_id: 1, signature: entitySignature(twinEntityMessage(1, 1)) };
    t.noop(ALICE, "add_twin_entity", args, "UnauthorizedToUpdateTwin");
    t.noop(BOB, "add_twin_entity", { ...args, entity_id: 2 }, "EntityNotExists");
  });
});

describe("TfgridModule terms and conditions", () => {
  it("keeps every acceptance of an account, in order", () => {
    const t = new TfgridBlock();
    t.setTimestamp(5_000);
    t.acceptTc(ALICE);
    t.setTimestamp(9_999);
    t.ok(ALICE, "user_accept_tc", { document_link: utf8("https://zos.tf/terms/v0.2"), document_hash: utf8("abc-123") });
    const accepted = S.UsersTermsAndConditions.get(t.io, ALICE)!;
    assert.deepEqual(accepted.map((tc) => tc.timestamp), [5n, 9n]);
    assert.deepEqual(accepted[1]!.document_link, utf8("https://zos.tf/terms/v0.2"));
    assert.equal(t.events().length, 0, "no event");
  });

  const cases: [string, string, string][] = [
    ["", "some_hash", "DocumentLinkInputTooShort"],
    ["some link", "some_hash", "InvalidDocumentLinkInput"],
    ["https://zos.tf/<terms>", "some_hash", "InvalidDocumentLinkInput"],
    ["some_link", "", "DocumentHashInputTooShort"],
    ["some_link", "some.hash", "InvalidDocumentHashInput"],
    ["some_link", "0x:ab", "InvalidDocumentHashInput"],
    // The link is checked before the hash.
    ["", "", "DocumentLinkInputTooShort"],
  ];
  for (const [link, hash, error] of cases) {
    it(`rejects link ${JSON.stringify(link)} with hash ${JSON.stringify(hash)} (${error})`, () => {
      const t = new TfgridBlock();
      t.noop(ALICE, "user_accept_tc", { document_link: utf8(link), document_hash: utf8(hash) }, error);
    });
  }
});

describe("TfgridModule twin bonds", () => {
  it("bonds another account to a twin (test_bound_twin_account_works)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.ok(BOB, "bond_twin_account", { twin_id: 1 });
    assert.deepEqual(S.TwinBoundedAccountID.get(t.io, 1), BOB);
    assert.deepEqual(t.lastEvent(), { name: "TwinAccountBounded", value: [1, BOB] });
  });

  it("answers TwinNotExists for an unknown twin (test_bound_twin_account_not_exists_fails)", () => {
    const t = new TfgridBlock();
    t.noop(BOB, "bond_twin_account", { twin_id: 1 }, "TwinNotExists");
    assert.equal(S.TwinBoundedAccountID.get(t.io, 1), undefined);
  });

  it("refuses to bond a twin to its own account (test_bound_twin_account_itself_fails)", () => {
    const t = new TfgridBlock();
    t.createTwin(ALICE);
    t.noop(ALICE, "bond_twin_account", { twin_id: 1 }, "TwinCannotBoundToItself");
    assert.equal(S.TwinBoundedAccountID.get(t.io, 1), undefined);
  });
});
