-- 20261206194610_init (up), written by tidemark generate
--
-- create table tasks
-- create table users
-- create index tasks_owner_id_created_at_idx on tasks
-- add foreign key tasks_owner_id_fkey on tasks
-- create policy tasks_of_their_owner on tasks
-- create policy users_see_themselves on users
-- grant SELECT, INSERT, UPDATE, DELETE on table tasks to app_user
-- grant SELECT (display_name, email, id) on table users to app_user

CREATE TABLE "public"."tasks" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "owner_id" uuid NOT NULL,
  "title" character varying(200) NOT NULL,
  "done" boolean DEFAULT false NOT NULL,
  "due_on" date,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "public"."tasks" ENABLE ROW LEVEL SECURITY;

CREATE TABLE "public"."users" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "email" character varying(320) NOT NULL,
  "display_name" character varying(80) NOT NULL,
  "token_hash" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "users_email_key" UNIQUE ("email"),
  CONSTRAINT "users_token_hash_key" UNIQUE ("token_hash")
);

ALTER TABLE "public"."users" ENABLE ROW LEVEL SECURITY;

CREATE INDEX "tasks_owner_id_created_at_idx" ON "public"."tasks" USING btree ("owner_id", "created_at");

ALTER TABLE "public"."tasks" ADD CONSTRAINT "tasks_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

CREATE POLICY "tasks_of_their_owner" ON "public"."tasks" AS PERMISSIVE FOR ALL TO "app_user" USING ("owner_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("owner_id" = nullif(current_setting('app.user_id', true), '')::uuid);

CREATE POLICY "users_see_themselves" ON "public"."users" AS PERMISSIVE FOR SELECT TO "app_user" USING ("id" = nullif(current_setting('app.user_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."tasks" TO "app_user";

GRANT SELECT ("display_name", "email", "id") ON TABLE "public"."users" TO "app_user";
