// Allergies as people record them: a class named in English or Arabic, any case, singular or
// plural, with "allergy" around it, or a medicine's name; and what must not match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allergenGroup, allergyCovers, ALLERGY_GROUPS, type AllergyGroup } from './allergy-groups.ts';

const amoxicillin = { code: 'amoxicillin-cap-500mg', name: 'Amoxicillin', nameAr: 'أموكسيسيلين', allergyGroups: ['penicillins', 'beta_lactams'] as AllergyGroup[] };
const coAmoxiclav = { code: 'co-amoxiclav-tab-625mg', name: 'Amoxicillin + clavulanic acid', nameAr: 'أموكسيسيلين مع حمض الكلافولانيك', allergyGroups: ['penicillins', 'beta_lactams'] as AllergyGroup[] };
const ampicillin = { code: 'ampicillin-inj-1g', name: 'Ampicillin', nameAr: 'أمبيسيلين حقن', allergyGroups: ['penicillins', 'beta_lactams'] as AllergyGroup[] };
const cotrimoxazole = { code: 'cotrimoxazole-tab-480mg', name: 'Sulfamethoxazole + trimethoprim', nameAr: 'كوتريموكسازول', allergyGroups: ['sulfonamides'] as AllergyGroup[] };

test('a class recorded in free text, either script, any case or number, names its class', () => {
  for (const said of ['Penicillin', 'penicillins', 'PENICILLIN', ' Penicillins ', 'Penicillin allergy', 'بنسلين', 'البنسلينات', 'حساسية من البنسلين', 'penicillins']) {
    assert.equal(allergenGroup(said), 'penicillins', said);
    assert.ok(allergyCovers(amoxicillin, said) && allergyCovers(ampicillin, said), said);
  }
  assert.equal(allergenGroup('Beta-lactam'), 'beta_lactams');
  assert.equal(allergenGroup('sulfa drugs'), 'sulfonamides');
  assert.equal(allergenGroup('السلفوناميدات'), 'sulfonamides');
  assert.equal(allergenGroup('nsaid'), 'nsaids');
  assert.ok(allergyCovers(cotrimoxazole, 'Sulfa'));
  // Every class is found by its own labels.
  for (const [id, label] of Object.entries(ALLERGY_GROUPS)) {
    assert.equal(allergenGroup(label.ar), id, label.ar);
    assert.equal(allergenGroup(label.en.toUpperCase()), id, label.en);
  }
});

test('a medicine named by its English name (any word of it) or the start of its Arabic name, or its code', () => {
  assert.ok(allergyCovers(coAmoxiclav, 'amoxicillin') && allergyCovers(coAmoxiclav, 'Clavulanic acid') && allergyCovers(coAmoxiclav, 'أموكسيسيلين'));
  assert.ok(allergyCovers(amoxicillin, 'AMOXICILLIN-cap-500mg'));
  assert.ok(!allergyCovers(ampicillin, 'amoxicillin'), 'a named medicine is not its whole class');
});

test('unrelated allergens do not match', () => {
  for (const said of ['Peanuts', 'sulfonamides', 'Aspirin', 'حقن', 'cephalosporin', 'allergy', '', '  ', 'penicillium mould']) {
    assert.ok(!allergyCovers(amoxicillin, said) && !allergyCovers(ampicillin, said), said);
  }
  assert.equal(allergenGroup('Peanuts'), undefined);
  assert.equal(allergenGroup('مضادات الالتهاب الستيرويدية'), undefined, 'steroidal is not non-steroidal');
});
