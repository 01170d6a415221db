/**
 * Tests read the interface in English, as the app shows it to a worker who has not chosen
 * another language: the English catalogue, compiled and active before any test runs.
 */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { activateCompiled, compileCatalogue } from '../../src/app/i18n/i18n';
import { messages } from '../../src/app/i18n/locales/en';

activateCompiled('en', compileCatalogue(messages, compileMessage));
