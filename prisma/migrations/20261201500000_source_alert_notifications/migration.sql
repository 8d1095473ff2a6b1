-- A recheck that finds a cited page changed or gone tells the people working on each claim that
-- cites it (npm run sources:recheck). No one acted: these notifications have no actor.
ALTER TYPE "NotificationKind" ADD VALUE 'SOURCE_CHANGED';
ALTER TYPE "NotificationKind" ADD VALUE 'SOURCE_GONE';
