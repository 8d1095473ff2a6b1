import type { ReactNode } from "react";
import type { SourceOption } from "@/lib/data/sources";
import { FIGURE_BOUND_LABEL, FIGURE_BOUNDS } from "@/lib/domain/figures";
import { STANCE_LABEL, STANCES } from "@/lib/validations/evidence";
import { FormField } from "@/components/ui/form-field";
import { Disclosure } from "@/components/ui/disclosure";
import { CitesPicker } from "./cites-picker";
import { SourceTypeOptions } from "./source-type-options";
import { TranslationFields } from "./translation-fields";

/*
 * What a source says about the claim: the fields attaching sets and editing changes, shared by the
 * attach form and the edit form (lib/validations/evidence.ts statementFields). Inputs are
 * uncontrolled: `values` are their initial values, and what the person typed survives a refusal.
 */

export type CountedThingOption = { id: string; label: string; unit: string; cumulative: boolean; synonyms: string[] };
export type FieldErrors = Record<string, string[] | undefined>;
export type Values = Partial<Record<string, string>>;
type Field = (name: string) => { name: string; idPrefix: string; errors?: string[] };

const STANCE_HINT = {
  SUPPORTS: "says the claim is right",
  CONTRADICTS: "says the claim is wrong",
  MIXED: "partly supports, partly contradicts",
  CONTEXT: "background, no position",
} as const;

const hasAny = (errors: FieldErrors, names: string[]) => names.some((name) => Boolean(errors[name]?.length));

/** Exact excerpt and stance: always shown. Who speaks is passed in, so each form places it. */
export function ExcerptField({ field, values }: { field: Field; values: Values }) {
  return (
    <FormField {...field("excerpt")} label="Exact excerpt" hint="Quote the source word for word." render={(c) => <textarea {...c} rows={3} required defaultValue={values.excerpt} />} />
  );
}

export function AttributionField({ field, values }: { field: Field; values: Values }) {
  return (
    <FormField
      {...field("attribution")}
      label="Who speaks in the source"
      hint="For example “police spokeswoman Saltanat Azirbek”."
      render={(c) => <input {...c} maxLength={300} defaultValue={values.attribution} />}
    />
  );
}

export function StanceField({ idPrefix, errors, values }: { idPrefix: string; errors: FieldErrors; values: Values }) {
  const errorId = `${idPrefix}-stance-error`;
  return (
    <fieldset aria-describedby={errors.stance ? errorId : undefined}>
      <legend>Stance towards the claim</legend>
      <div className="stance-options">
        {STANCES.map((stance) => (
          <label key={stance}>
            <input type="radio" name="stance" value={stance} required defaultChecked={values.stance === stance} style={{ width: "auto" }} />{" "}
            <strong>{STANCE_LABEL[stance]}</strong> <span className="muted">— {STANCE_HINT[stance]}</span>
          </label>
        ))}
      </div>
      {errors.stance ? (
        <p id={errorId} className="field-error">
          {errors.stance[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Where in the source, the excerpt's language and translation, the desk's note. */
export function ExcerptDetails({ field, errors, values }: { field: Field; errors: FieldErrors; values: Values }) {
  return (
    <Disclosure summary="More on the excerpt: where, language, translation, desk note" hasError={hasAny(errors, ["location", "excerptLanguage", "translation", "note"])}>
      <FormField {...field("location")} label="Where in the source" hint="Paragraph, timestamp or page." render={(c) => <input {...c} maxLength={300} defaultValue={values.location} />} />
      <TranslationFields field={field} values={values} />
      <FormField {...field("note")} label="Desk note (optional)" render={(c) => <input {...c} maxLength={2000} defaultValue={values.note} />} />
    </Disclosure>
  );
}

/** Whom the source cites: one we have (searched on demand) or a new one by URL and name. */
export function CitesDisclosure(props: { claimId: string; idPrefix: string; field: Field; errors: FieldErrors; initial?: SourceOption | null; pickerKey?: number }) {
  const { claimId, idPrefix, field, errors } = props;
  return (
    <Disclosure summary="Cited source: does it cite another source?" hasError={hasAny(errors, ["citesSourceId", "citesUrl", "citesOutlet", "citesType"])}>
      <p className="hint">Sources that cite the same origin count as one independent origin.</p>
      <CitesPicker key={props.pickerKey} claimId={claimId} idPrefix={idPrefix} errors={errors.citesSourceId} initial={props.initial ?? null} />
      <p className="hint">…or enter the cited source:</p>
      <div className="grid-2">
        <FormField {...field("citesOutlet")} label="Cited source name" hint="For example “Almaty police”." render={(c) => <input {...c} maxLength={200} />} />
        <FormField {...field("citesUrl")} label="Cited source URL" render={(c) => <input {...c} type="url" inputMode="url" />} />
        <FormField
          {...field("citesType")}
          label="Cited source type"
          render={(c) => (
            <select {...c} defaultValue="OFFICIAL">
              <SourceTypeOptions />
            </select>
          )}
        />
      </div>
    </Disclosure>
  );
}

const FIGURE_FIELDS = ["figureBound", "figureValue", "figureWords", "figureLow", "figureHigh", "figureCounted", "figureAsOf", "figureAsOfEnd", "figureExplanation"];

/** The reported figure: its kind, value or range, the source's words, what was counted and when. */
/**
 * `vocabulary` renders the story's counted things as this form's datalist; the edit forms pass
 * `sharedList` instead and use the attach form's datalist on the same page, so a claim with many
 * sources does not repeat the vocabulary once per item.
 */
export function FigureDisclosure(props: {
  idPrefix: string;
  field: Field;
  errors: FieldErrors;
  values: Values;
  vocabularyHref: string;
  vocabulary?: CountedThingOption[];
  sharedList?: { id: string; empty: boolean };
}) {
  const { idPrefix, field, errors, values, vocabulary } = props;
  const listId = props.sharedList?.id ?? `${idPrefix}-counted-options`;
  const emptyVocabulary = props.sharedList ? props.sharedList.empty : !vocabulary?.length;
  const input = (name: string, extra: Record<string, unknown> = {}) =>
    function FigureInput(c: object): ReactNode {
      return <input {...c} {...extra} defaultValue={values[name]} />;
    };
  return (
    <Disclosure summary="Reported figure: a number the source gives" hasError={hasAny(errors, FIGURE_FIELDS)}>
      <p className="hint">
        Choose what the source gives: an exact value, a range, an open bound such as “at least 164” (one number), or vague words such as “dozens” with the
        range you read them as (shown to readers as the desk’s reading). Keep the source’s own words.
      </p>
      <div className="grid-2">
        <FormField
          {...field("figureBound")}
          label="Kind of figure"
          render={(c) => (
            <select {...c} defaultValue={values.figureBound ?? "EXACT"}>
              {FIGURE_BOUNDS.map((bound) => (
                <option key={bound} value={bound}>
                  {FIGURE_BOUND_LABEL[bound]}
                </option>
              ))}
            </select>
          )}
        />
        <FormField {...field("figureValue")} label="Value" hint="For an exact value or an open bound: 164 in “at least 164”." render={input("figureValue", { inputMode: "decimal" })} />
        <FormField {...field("figureWords")} label="Source’s words" hint="As said, for example “at least 164 people”, “dozens”." render={input("figureWords", { maxLength: 100 })} />
        <FormField {...field("figureLow")} label="Range: low" render={input("figureLow", { inputMode: "decimal" })} />
        <FormField {...field("figureHigh")} label="Range: high" render={input("figureHigh", { inputMode: "decimal" })} />
        <FormField
          {...field("figureCounted")}
          label="What was counted"
          hint={
            !emptyVocabulary
              ? "Type to pick from the story’s vocabulary; a synonym (“people killed”) files the figure under its entry (“deaths”), in that entry’s unit. Only figures counting the same thing are compared."
              : "This story has no counted things yet: add one under Counted things first."
          }
          render={input("figureCounted", { maxLength: 200, list: listId, autoComplete: "off" })}
        />
        {vocabulary ? (
          <datalist id={listId}>
            {vocabulary.flatMap((thing) => [
              <option key={thing.id} value={thing.label}>{`${thing.label} (${thing.unit}${thing.cumulative ? ", running total" : ""})`}</option>,
              ...thing.synonyms.map((word) => <option key={`${thing.id}:${word}`} value={word}>{`${word} → ${thing.label} (${thing.unit})`}</option>),
            ])}
          </datalist>
        ) : null}
        <p className="hint">
          <a href={props.vocabularyHref}>Counted things of this story</a>: add what a figure counts, with its unit and synonyms.
        </p>
        <FormField {...field("figureAsOf")} label="As of" hint="When the count was given for (or the start of the period it covers)." render={input("figureAsOf", { type: "datetime-local" })} />
        <FormField {...field("figureAsOfEnd")} label="As of: end of period (optional)" hint="For a count over a period, such as 6 to 9 January." render={input("figureAsOfEnd", { type: "datetime-local" })} />
        <FormField
          {...field("figureExplanation")}
          label="Why it is lower (optional)"
          hint="Only when a running total is lower than an earlier count for a known reason (a recount, a narrower scope): readers see it, and the fall is not flagged."
          render={input("figureExplanation", { maxLength: 500 })}
        />
      </div>
    </Disclosure>
  );
}
