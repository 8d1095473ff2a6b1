-- When each person last signed in (issue 19: the admin's user list shows it); NULL: never.
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" TIMESTAMPTZ(3);
