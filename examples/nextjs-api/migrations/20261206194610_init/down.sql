-- 20261206194610_init (down), written by tidemark generate
--
-- drop foreign key tasks_owner_id_fkey on tasks
-- drop table users
-- drop table tasks
--
-- Hazards:
--   data-loss: drops table users and all its rows
--   data-loss: drops table tasks and all its rows

ALTER TABLE "public"."tasks" DROP CONSTRAINT "tasks_owner_id_fkey";

DROP TABLE "public"."users";

DROP TABLE "public"."tasks";
