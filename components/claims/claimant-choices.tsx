/** The claimant names and aliases a claimant input (list="claimant-choices") suggests as one types. */
export function ClaimantChoices({ choices }: { choices: Array<{ value: string; label: string }> }) {
  return (
    <datalist id="claimant-choices">
      {choices.map((choice) => (
        <option key={choice.label} value={choice.value} label={choice.label === choice.value ? undefined : choice.label} />
      ))}
    </datalist>
  );
}
