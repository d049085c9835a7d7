import { palletErrors } from "../../dispatch-error.js";

export const errors = palletErrors("TFTPriceModule", {
  ErrFetchingPrice: [], OffchainSignedTxError: [], NoLocalAcctForSigning: [], AccountUnauthorizedToSetPrice: [],
  MaxPriceBelowMinPriceError: [], MinPriceAboveMaxPriceError: [], IsNotAnAuthority: [], WrongAuthority: [],
});
