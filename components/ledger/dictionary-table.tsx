import type { DictionaryField } from "@/lib/public/data-dictionary";
import { TableScroll } from "@/components/ui/table-scroll";

/** A data dictionary: one row per field (on a phone, one card per field with each column labelled). */
export function DictionaryTable({ caption, fields }: { caption: string; fields: DictionaryField[] }) {
  return (
    <TableScroll label={caption}>
      <table className="stack-on-phone">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Meaning</th>
            <th scope="col">When it changes</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.path}>
              <th scope="row">
                <code>{f.path}</code>
              </th>
              <td data-label="Type">{f.type}</td>
              <td data-label="Meaning">{f.meaning}</td>
              <td data-label="When it changes">{f.changes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
