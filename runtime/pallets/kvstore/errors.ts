import { palletErrors } from "../../dispatch-error.js";

export const errors = palletErrors("TFKVStore", {
  NoValueStored: "The requested user has not stored a value yet",
  KeyIsTooLarge: "",
  ValueIsTooLarge: "",
});
