import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsString, Matches } from 'class-validator';
import * as input from '../common/fields.js';
import { Contact } from '../contacts/contact.model.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { State } from '../states/state.model.js';
import type { LetterLanguageCode } from './letter-fill.js';
import { type EnumValue, graphqlEnum } from '../common/enum.js';

/** The languages of letters and their templates. */
export const LetterLanguage = graphqlEnum('LetterLanguage', ['EN', 'FR', 'ES'], 'English, French or Spanish');
export type LetterLanguage = EnumValue<typeof LetterLanguage>;

export const languageCode = (language: LetterLanguage) => language.toLowerCase() as LetterLanguageCode;
export const languageOf = (code: string) => code.toUpperCase() as LetterLanguage;

/** Why a letter is in its language. */
export const LetterLanguageSource = graphqlEnum('LetterLanguageSource', {
  CONTACT: "The first of the contact's languages that has a template",
  STATE: "The State's usual UN language (the contact names none with a template, or there is no contact)",
  DEFAULT: 'Neither has a template: English if there is one, else the first template',
  REQUESTED: 'Asked for ("write a letter" with a language)',
});
export type LetterLanguageSource = EnumValue<typeof LetterLanguageSource>;

@ObjectType('LetterTemplate', { description: "A campaign's Word template in one language" })
export class LetterTemplate {
  @Field(() => LetterLanguage)
  language: LetterLanguage;

  @Field()
  fileName: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => [String], { description: 'The placeholders it uses, in the order of first use' })
  placeholders: string[];

  @Field(() => DateTimeScalar)
  uploadedAt: Date;

  uploadedBy: string;
}

@ObjectType('LetterDraft', {
  description: 'One letter as it would be generated: to one contact of a State (or to the State, with no contact on file)',
})
export class LetterDraft {
  @Field(() => State)
  state: State;

  @Field(() => Contact, { nullable: true, description: 'Null when the letter went to no named contact' })
  contact: Contact | null;

  @Field(() => LetterLanguage)
  language: LetterLanguage;

  @Field(() => LetterLanguageSource)
  languageSource: LetterLanguageSource;

  @Field({ description: 'The name of the .docx file, in the .zip and for downloadPath' })
  fileName: string;

  @Field({ description: 'GET this path (with the bearer token) for this letter alone' })
  downloadPath: string;

  @Field(() => [String], { description: "The template's placeholders that have no value for this letter: written [missing: name] in it" })
  missingPlaceholders: string[];
}

@InputType()
export class UploadLetterTemplateInput {
  @input.Uuid()
  campaignId: string;

  @Field(() => LetterLanguage)
  @IsEnum(LetterLanguage)
  language: LetterLanguage;

  @input.TrimmedText(1, 200, { description: 'The file name, shown with the template (letter-en.docx)' })
  fileName: string;

  @Field({ description: 'The .docx file, base64-encoded (at most LETTER_TEMPLATE_LIMIT_BYTES once decoded)' })
  @IsString()
  @Matches(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'contentBase64 must be base64' })
  contentBase64: string;

  @input.ExpectedVersion({ description: "The campaign's version: a stale one is a CONFLICT" })
  expectedVersion: number;
}
