import { describe, expect, it } from 'vitest';
import { cardLanguages, cardStatements, cardTitles, sources, statements, statementText, type StatementId } from './rights-content';

const ids = Object.keys(statements) as StatementId[];

describe('the rights card content', () => {
  it('has every statement in every card language, each different from the English, and each citing known sources', () => {
    for (const id of ids) {
      expect(statements[id].sources.length, id).toBeGreaterThan(0);
      for (const source of statements[id].sources) expect(Object.keys(sources)).toContain(source);
      for (const language of cardLanguages) {
        const text = statementText(id, language).text;
        expect(text.trim().length, `${id}/${language}`).toBeGreaterThan(20);
        if (language !== 'en') expect(text, `${id}/${language}`).not.toBe(statements[id].en);
      }
    }
    for (const language of cardLanguages) expect(cardTitles[language].text.length).toBeGreaterThan(10);
  });

  it('marks every translation not yet reviewed until a native speaker has, and the English as the reviewed original', () => {
    for (const id of ids) {
      expect(statementText(id, 'en').reviewed).not.toBeNull();
      for (const language of cardLanguages.filter((l) => l !== 'en')) expect(statementText(id, language).reviewed, `${id}/${language}`).toBeNull();
    }
  });

  it('leads with registering when they are not registered with a GP', () => {
    expect(cardStatements({ gpRegistered: false, positiveNrmDecision: false })).toEqual(['gp_registration', 'free_to_everyone', 'nrm_removes_charges', 'interpreter_at_gp']);
    expect(cardStatements({ gpRegistered: false, positiveNrmDecision: true })[0]).toBe('gp_registration');
  });

  it('says charges do not apply to them when their NRM decision is positive, first unless GP registration leads', () => {
    const positive = cardStatements({ gpRegistered: true, positiveNrmDecision: true });
    expect(positive[0]).toBe('your_nrm_decision');
    expect(positive).not.toContain('nrm_removes_charges');
    expect(cardStatements({ gpRegistered: null, positiveNrmDecision: false })).not.toContain('your_nrm_decision');
  });
});
