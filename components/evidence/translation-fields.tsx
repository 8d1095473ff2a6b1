import { FormField } from "@/components/ui/form-field";

type Field = (name: string) => { name: string; idPrefix: string; errors?: string[] };

/** The excerpt's language (when not the source's) and the fact-checker's English translation of it. */
export function TranslationFields({ field, values = {} }: { field: Field; values?: Partial<Record<string, string>> }) {
  return (
    <div className="grid-2">
      <FormField
        {...field("excerptLanguage")}
        label="Excerpt language (optional)"
        hint="Only if it differs from the source’s language, such as kk in a Russian page."
        render={(c) => <input {...c} maxLength={20} autoComplete="off" defaultValue={values.excerptLanguage} />}
      />
      <FormField
        {...field("translation")}
        label="Your translation (optional)"
        hint="For an excerpt not in English: readers see the original with this translation, marked as ours."
        render={(c) => <textarea {...c} rows={3} maxLength={5000} defaultValue={values.translation} />}
      />
    </div>
  );
}
