/**
 * The statements that add kinds to the `activity_kind` type, and those that take them away again.
 * PostgreSQL cannot drop a value from an enum: going down deletes the activity of the added kinds,
 * then rebuilds the type with the kinds it had before, in their order.
 */
export function activityKindsAdded(before: readonly string[], added: readonly string[]): { up: string[]; down: string[] } {
  const list = (kinds: readonly string[]) => kinds.map((kind) => `'${kind}'`).join(', ');
  return {
    up: added.map((kind) => `ALTER TYPE "public"."activity_kind" ADD VALUE '${kind}'`),
    down: [
      `DELETE FROM "activity_events" WHERE "kind"::text IN (${list(added)})`,
      `CREATE TYPE "public"."activity_kind_old" AS ENUM(${list(before)})`,
      `ALTER TABLE "activity_events" ALTER COLUMN "kind" TYPE "public"."activity_kind_old" USING "kind"::"text"::"public"."activity_kind_old"`,
      `DROP TYPE "public"."activity_kind"`,
      `ALTER TYPE "public"."activity_kind_old" RENAME TO "activity_kind"`,
    ],
  };
}
