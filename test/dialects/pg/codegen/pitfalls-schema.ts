/**
 * A schema written by hand to hit every rule of PITFALLS.md about `pull`: defaults with quotes,
 * backslashes, backticks, `${`, E'' strings, casts, calls and arrays; types without a builder (bit(n),
 * tsvector, money, xml, point, ranges, "char"); a domain; reserved words and odd characters as
 * names; 64-bit sequence and identity bounds; typmods and array dimensions; names that are and are
 * not PostgreSQL's defaults (pk_users, a renamed serial sequence); per-key index options and
 * expression keys; composite keys in their column order; deferrable constraints; cross-schema and
 * cyclic references; views with awkward text; row-level security with a policy; and a function and
 * trigger pull must report.
 */

import { TEMPLATE_CHARACTERS } from './support.js'

/** Objects the schema code cannot declare, which the rest depends on. */
export const PRELUDE = `
create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
`

export const DECLARABLE = String.raw`
create schema auth;
create schema "Sales";
create schema empty_one;
create domain positive_int as integer check (value > 0);
create type "Sales"."Order Status" as enum ('new', 'it''s done', 'back\slash', '${TEMPLATE_CHARACTERS}');
create domain "Sales".order_code as varchar(12) collate "C" not null default 'none'
  constraint order_code_shape check (value ~ '^[A-Z]') check (length(value) > 1);
comment on domain "Sales".order_code is 'A code, it''s checked';
create domain status_code as "Sales"."Order Status" check (value <> 'new');
create type address as (street text, "Zip Code" varchar(10), status status_code, nums int[], "when" date);
comment on type address is 'Where';
create type "Sales".parcel as (at address, codes "Sales".order_code[]);
create table with_types (
  id int primary key,
  code "Sales".order_code,
  home address,
  homes address[],
  parcel "Sales".parcel,
  st status_code default 'it''s done'
);
create sequence big_seq as bigint minvalue -9223372036854775808 maxvalue 9223372036854775807
  start 9223372036854775807 increment -1 cycle cache 5;
create sequence odd_seq increment 3 start 7;
create table "interface" (
  "function" serial primary key,
  "default" text default '' not null,
  "delete" varchar(40) default 'x'::character varying,
  quotes text default 'it''s "quoted"',
  backslash text default E'back\\slash',
  newline text default E'line1\nline2\r',
  backtick text default '${TEMPLATE_CHARACTERS}',
  tab text default E'a\tb',
  fn_default timestamptz default now(),
  arr int[] default '{1,2,3}',
  arr2 text[][] default '{{a,b},{c,d}}',
  nulls_arr text[] default '{a,NULL}',
  tsv tsvector,
  m money default 0,
  x xml,
  p point,
  b bit(8) default B'10101010',
  vb bit varying(16),
  r int4range,
  tr tstzrange,
  d positive_int,
  ch "char",
  bp bpchar,
  big bigint default 9223372036854775807,
  neg_big bigint default -9223372036854775808,
  num numeric(10,2) default 12.50,
  num2 numeric default 1e30,
  ts0 timestamp(0),
  iv interval day to second(3),
  "camelCase" int,
  camel_case int,
  "123abc" int,
  "__proto__" int,
  "$name" int,
  "with space" text,
  "Ünïcode" text,
  "!!!" text,
  gen int generated always as (("function" * 2)) stored,
  uu uuid default gen_random_uuid(),
  seq_default bigint default nextval('odd_seq')
);
create table users (
  id bigint generated always as identity (start with 9223372036854775806 maxvalue 9223372036854775807)
    constraint pk_users primary key,
  email text not null,
  parent_id bigint references users (id) on delete set null,
  constraint users_email_key unique (email)
);
create table orders (
  id serial,
  tenant int not null,
  number int not null,
  user_id bigint not null references users deferrable initially deferred,
  primary key (tenant, number),
  unique nulls not distinct (number, tenant),
  check (number > 0),
  check (tenant > 0 and number > 0),
  constraint weird_check check (length(coalesce(null::text, 'x')) > 0)
);
alter sequence orders_id_seq rename to order_ids;
create table line_items (
  tenant int, number int, pos smallserial,
  foreign key (number, tenant) references orders (number, tenant) on update cascade,
  primary key (tenant, number, pos)
);
create index on line_items (number desc nulls last, tenant nulls first);
create index li_expr on line_items ((number + tenant), lower(tenant::text) text_pattern_ops) where number > 10;
create index on "interface" ("default" collate "C" text_pattern_ops desc, "delete" varchar_pattern_ops);
create index on "interface" using gin (tsv);
create unique index on "interface" (lower("default")) include ("delete");
create table auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id bigint references public.users (id),
  status "Sales"."Order Status" default 'it''s done'
);
create table "Sales"."Order Items" ("Id" int primary key, "order" int, "Group" text unique);
create table a (id int primary key, b_id int);
create table b (id int primary key, a_id int references a);
alter table a add foreign key (b_id) references b;
create table table_ (id int);
create view "Sales"."weird view" as select 'it''s ${TEMPLATE_CHARACTERS} \ back' as s, id from users;
create materialized view user_counts as select count(*) as n from users with no data;
create unique index user_counts_n_idx on user_counts (n);
create index "user counts by n" on user_counts using hash ((n + 1));
create view v2 as select w.s, u.email from "Sales"."weird view" w join users u on u.id = w.id;
alter table users enable row level security;
create policy p_users on users using (id > 0) with check (id > 0);
`

/** Objects the schema code cannot declare, on top of the tables. */
export const POSTLUDE = `
create trigger t_touch before update on users for each row execute function touch();
`
