"use client";

import type { FieldErrors } from "@/lib/errors";
import type { ClaimFormOptions } from "@/lib/data/claims";
import { CLAIM_KIND_LABEL, CLAIM_KINDS } from "@/lib/validations/claim";
import { CLAIMANT_TYPE_LABEL } from "@/lib/validations/claimant";
import { CLAIM_SUMMARY_MAX, claimSummary } from "@/lib/claim-review/summary";
import { FormField } from "@/components/ui/form-field";
import { ClaimantChoices } from "./claimant-choices";

export type ClaimFormValues = Partial<Record<"text" | "claimant" | "claimantType" | "summary" | "claimedAt" | "kind" | "storyId" | "documentId" | "sentence" | "assigneeId", string>>;

/** The claim's own fields, shared by the new and edit forms. */
export function ClaimFields(props: {
  values: ClaimFormValues;
  errors?: FieldErrors;
  options: ClaimFormOptions;
  showAssignee?: boolean;
  /** The edit form: the claim's ≤75-character summary for fact-check markup. */
  showSummary?: boolean;
}) {
  const { values, errors = {}, options } = props;
  return (
    <>
      <FormField
        name="text"
        label="Claim"
        errors={errors.text}
        hint="The checkable statement, in neutral words. Keep the claimant's figures and wording. Fact-check markup shows at most 75 characters: a longer claim is cut at a word there."
        render={(control) => <textarea {...control} defaultValue={values.text ?? ""} required maxLength={2000} rows={3} />}
      />
      <div className="grid-2">
        <FormField
          name="claimant"
          label="Claimant"
          errors={errors.claimant}
          hint="Who made the claim. Pick a known claimant (names and aliases are suggested as you type); a new name becomes a new claimant."
          render={(control) => (
            <>
              <input {...control} list="claimant-choices" autoComplete="off" defaultValue={values.claimant ?? ""} required maxLength={200} />
              <ClaimantChoices choices={options.claimants} />
            </>
          )}
        />
        <FormField
          name="claimantType"
          label="Claimant is a"
          errors={errors.claimantType}
          hint="For a new claimant, or one nobody has typed yet. A known claimant keeps its type: editors change it under Claimants."
          render={(control) => (
            <select {...control} defaultValue={values.claimantType ?? ""}>
              <option value="">Not sure yet</option>
              {Object.entries(CLAIMANT_TYPE_LABEL).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
          )}
        />
        <FormField
          name="claimedAt"
          label="When it was claimed"
          errors={errors.claimedAt}
          hint="Optional. Date and time, in UTC."
          render={(control) => <input {...control} type="datetime-local" defaultValue={values.claimedAt ?? ""} />}
        />
        <FormField
          name="kind"
          label="Kind"
          errors={errors.kind}
          render={(control) => (
            <select {...control} defaultValue={values.kind ?? ""} required>
              <option value="" disabled>
                Choose…
              </option>
              {CLAIM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {CLAIM_KIND_LABEL[kind]}
                </option>
              ))}
            </select>
          )}
        />
        <FormField
          name="storyId"
          label="Story"
          errors={errors.storyId}
          render={(control) => (
            <select {...control} defaultValue={values.storyId ?? ""}>
              <option value="">No story</option>
              {options.stories.map((story) => (
                <option key={story.id} value={story.id}>
                  {story.title}
                </option>
              ))}
            </select>
          )}
        />
        {props.showAssignee ? (
          <FormField
            name="assigneeId"
            label="Assign to"
            errors={errors.assigneeId}
            render={(control) => (
              <select {...control} defaultValue={values.assigneeId ?? ""}>
                <option value="">Nobody yet</option>
                {options.deskUsers.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
                  </option>
                ))}
              </select>
            )}
          />
        ) : null}
      </div>
      {props.showSummary ? (
        <FormField
          name="summary"
          label="Summary for fact-check markup"
          errors={errors.summary}
          hint={
            values.summary
              ? `At most ${CLAIM_SUMMARY_MAX} characters. Blank: derived from the claim.`
              : [...(values.text ?? "")].length > CLAIM_SUMMARY_MAX
                ? `The claim is longer than ${CLAIM_SUMMARY_MAX} characters, so the markup cuts it to “${claimSummary(values.text ?? "")}”. Write a summary of at most ${CLAIM_SUMMARY_MAX} characters.`
                : `Optional, at most ${CLAIM_SUMMARY_MAX} characters. Blank: the claim itself.`
          }
          render={(control) => <input {...control} defaultValue={values.summary ?? ""} maxLength={CLAIM_SUMMARY_MAX} />}
        />
      ) : null}
      <fieldset className="panel">
        <legend>Where it appeared (optional)</legend>
        <FormField
          name="documentId"
          label="Document"
          errors={errors.documentId}
          hint={options.documents.length === 0 ? "No articles imported yet: use “Import article” to add one." : undefined}
          render={(control) => (
            <select {...control} defaultValue={values.documentId ?? ""}>
              <option value="">No document</option>
              {options.documents.map((document) => (
                <option key={document.id} value={document.id}>
                  {document.title} ({document.outlet})
                </option>
              ))}
            </select>
          )}
        />
        <FormField
          name="sentence"
          label="Exact sentence"
          errors={errors.sentence}
          hint="Paste the sentence word for word; it is anchored to its place in the document."
          render={(control) => <textarea {...control} defaultValue={values.sentence ?? ""} rows={2} maxLength={4000} />}
        />
      </fieldset>
    </>
  );
}
