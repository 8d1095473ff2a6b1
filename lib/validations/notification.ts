import { z } from "./zod";
import { checkbox, optionalId } from "./claim";

/** One notification (`id`), or every unread one of the caller (`all`). */
export const markNotificationsReadSchema = z
  .object({ id: optionalId("notification"), all: checkbox.optional() })
  .refine((input) => Boolean(input.id) !== Boolean(input.all), { message: "Choose one notification, or all of them.", path: ["id"] });
export type MarkNotificationsReadInput = z.output<typeof markNotificationsReadSchema>;
