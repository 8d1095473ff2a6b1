/** The bulk bar form that the claims table's checkboxes belong to (their `form` attribute). */
export const BULK_FORM_ID = "bulk-claims";
