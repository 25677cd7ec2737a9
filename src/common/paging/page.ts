import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
const MAX_CURSOR_LENGTH = 500;

/** The arguments of every connection: the page size and where the page starts. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'The endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string;
}

/**
 * Whether page arguments (of the types GraphQL has checked) are within PageArgs' limits: two
 * comparisons, for deciding whether a page below the current field can be read along with it.
 */
export function pageArgsInRange({ first, after }: PageArgs): boolean {
  const firstFine = first === undefined || first === null || (Number.isInteger(first) && first >= 1 && first <= MAX_PAGE_SIZE);
  return firstFine && (after === undefined || after === null || (typeof after === 'string' && after.length <= MAX_CURSOR_LENGTH));
}

/** A page as the repositories read it. */
export interface Page {
  first: number;
  /** The sort key of the last row already seen, or undefined for the first page. */
  after?: unknown[];
  /** Whether the total is needed: counting reads every matching row, so only when asked for. */
  withTotal: boolean;
}

/**
 * What the reader of a list asks for besides its rows. A resolver reads it from the GraphQL
 * selection; other callers leave it out and get the total.
 */
export interface ListOptions {
  /** Whether to count every matching row (`totalCount`); by default, yes. */
  withTotal?: boolean;
}
