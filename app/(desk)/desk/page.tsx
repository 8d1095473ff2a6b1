import { redirect } from "next/navigation";

export default function DeskHome() {
  redirect("/desk/claims");
}
