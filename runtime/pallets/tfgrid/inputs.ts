/**
 * The argument types of TfgridModule's calls: plain bounded byte vectors (`…Input`) that the handlers
 * validate into the stored newtypes. Their bounds only limit decoding; the rules live in `validate.ts`.
 */
import { boundedBytes, boundedVec, option, struct } from "../../../primitives/schema.js";
import {
  INTERFACE_MAC_LENGTH, MAX_CITY_NAME_LENGTH, MAX_COUNTRY_NAME_LENGTH, MAX_DOCUMENT_LINK_LENGTH, MAX_FARM_NAME_LENGTH,
  MAX_FARM_PUBLIC_IPS, MAX_INTERFACE_IP_LENGTH, MAX_INTERFACE_IPS_LENGTH, MAX_INTERFACES_LENGTH, MAX_INTF_NAME_LENGTH,
  MAX_RELAY_LENGTH,
} from "./constants.js";
import { Bytes128, Bytes50, IP4, interfaceOf } from "./types-node.js";

export const FarmNameInput = boundedBytes(MAX_FARM_NAME_LENGTH);
export const PublicIpListInput = boundedVec(IP4, MAX_FARM_PUBLIC_IPS);
export const CityNameInput = boundedBytes(MAX_CITY_NAME_LENGTH);
export const CountryNameInput = boundedBytes(MAX_COUNTRY_NAME_LENGTH);

export const LocationInput = struct(
  {
    path: "pallet_tfgrid::types::LocationInput",
    params: [
      { name: "City", type: CityNameInput },
      { name: "Country", type: CountryNameInput },
      { name: "Latitude", type: Bytes50 },
      { name: "Longitude", type: Bytes50 },
    ],
  },
  { city: [CityNameInput, "City"], country: [CountryNameInput, "Country"], latitude: [Bytes50, "Latitude"], longitude: [Bytes50, "Longitude"] },
);

// TFChain bounds the interface list by `MaxInterfaceIpsLength` and each IP list by `MaxInterfacesLength`
// (swapped, both 10).
export const InterfaceInput = boundedVec(
  interfaceOf(
    boundedBytes(MAX_INTF_NAME_LENGTH),
    boundedBytes(INTERFACE_MAC_LENGTH),
    boundedVec(boundedBytes(MAX_INTERFACE_IP_LENGTH), MAX_INTERFACES_LENGTH),
  ),
  MAX_INTERFACE_IPS_LENGTH,
);

export const SerialNumberInput = option(Bytes128);
export const RelayInput = option(boundedBytes(MAX_RELAY_LENGTH));
export const PkInput = option(Bytes128);
export const DocumentLinkInput = boundedBytes(MAX_DOCUMENT_LINK_LENGTH);
export const DocumentHashInput = Bytes50;
