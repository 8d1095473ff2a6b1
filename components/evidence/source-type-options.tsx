import { SOURCE_TYPE_LABEL, SOURCE_TYPES } from "@/lib/validations/evidence";

/** The options of every source-type select, in the order the schema lists the types. */
export function SourceTypeOptions() {
  return SOURCE_TYPES.map((type) => (
    <option key={type} value={type}>
      {SOURCE_TYPE_LABEL[type]}
    </option>
  ));
}
