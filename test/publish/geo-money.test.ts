/** The geo layer, currencies and the fatality rule on invented cases. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryByDemonym, countryByIso, countryByName, geocode, placesNamed } from '../../pipeline/lib/geo.ts';
import { fatalities } from '../../pipeline/resolve/event-sources.ts';
import { currencyOf } from '../../pipeline/resolve/money.ts';
import { packageLicense } from '../../pipeline/publish/release.ts';

describe('lib/geo', () => {
  it('finds a country by name, demonym and ISO code', () => {
    assert.equal(countryByName('Peru')?.iso3, 'PER');
    assert.equal(countryByDemonym('Peruvian')?.iso3, 'PER');
    assert.equal(countryByIso('PE')?.iso3, 'PER');
    assert.equal(countryByIso('PER')?.name, 'Peru');
  });

  it('a town in the given country wins over a bigger namesake elsewhere', () => {
    const inPeru = geocode('Trujillo', 'PER');
    assert.equal(inPeru?.geo_precision, 1);
    assert.equal(inPeru?.country, 'PER');
    assert.ok(inPeru!.lat! < 0, 'the Peruvian town is south of the equator');
    assert.ok(
      placesNamed('Trujillo').some((p) => p.iso3 !== 'PER'),
      'the name is shared with other countries',
    );
  });

  it('a name shared by towns of similar size is not placed at town level without a country', () => {
    assert.equal(geocode('Springfield', null), null);
    assert.equal(geocode('Springfield', 'USA')?.geo_precision, 1);
  });

  it('a lower-case word is never geocoded; an unknown name falls back to its country', () => {
    assert.equal(geocode('mobile', null), null);
    assert.deepEqual(geocode('Nowhereville Junction', 'PER'), { ...geocode(null, 'PER')!, geo_precision: 3 });
  });

  it('a country name is the country (3); "X region" is a region (2)', () => {
    assert.equal(geocode('Peru', null)?.geo_precision, 3);
    assert.equal(geocode('Peru', null)?.geonames_id, null);
    const region = geocode('Trujillo province', 'PER');
    assert.equal(region?.geo_precision, 2);
    assert.equal(region?.country, 'PER');
  });
});

describe('currencies', () => {
  it('symbols, country-named currencies, bare words and shared words', () => {
    assert.equal(currencyOf('£5m', 'pounds', null), 'GBP');
    assert.equal(currencyOf('about $20m', 'dollars', null), 'USD');
    assert.equal(currencyOf('A$3bn', 'dollars', null), 'AUD');
    assert.equal(currencyOf('40m Swiss francs', 'Swiss francs', null), 'CHF');
    assert.equal(currencyOf('2m Australian dollars', 'Australian dollars', null), 'AUD');
    assert.equal(currencyOf('70m euros', 'euros', null), 'EUR');
    assert.equal(currencyOf('50 euro cents', 'euro cents', null), 'EUR');
    assert.equal(currencyOf('80bn rupees', 'rupees', null), null, 'shared by several countries');
    assert.equal(currencyOf('80bn rupees', 'rupees', 'IND'), 'INR');
  });
});

describe('fatalities (UCDP low / best / high)', () => {
  const f = (
    value: number,
    as_of: string | null,
    qualifier: 'exact' | 'at_least' | 'range' = 'exact',
    value_low: number | null = null,
    value_high: number | null = null,
  ) => ({ value, as_of, qualifier, value_low, value_high });
  it('best is the latest report, low and high the spread', () => {
    assert.deepEqual(fatalities([f(12, '2025-03-03'), f(15, '2025-03-05'), f(20, '2025-03-04', 'range', 18, 20)]), {
      fatalities_best: 15,
      fatalities_low: 12,
      fatalities_high: 20,
    });
  });
  it('an "at least" report is the best only when no exact one exists; none: all empty', () => {
    assert.equal(fatalities([f(30, '2025-03-06', 'at_least'), f(15, '2025-03-05')]).fatalities_best, 15);
    assert.equal(fatalities([f(30, '2025-03-06', 'at_least', 30)]).fatalities_best, 30);
    assert.deepEqual(fatalities([]), { fatalities_best: null, fatalities_low: null, fatalities_high: null });
  });
  it('a "killed" figure larger than any war toll is a misread amount: it counts for nothing, and never overflows the columns', () => {
    assert.deepEqual(fatalities([f(12, '2025-03-03'), f(3_000_000_000, '2025-03-05')]), { fatalities_best: 12, fatalities_low: 12, fatalities_high: 12 });
    assert.deepEqual(fatalities([f(3_000_000_000, null)]), { fatalities_best: null, fatalities_low: null, fatalities_high: null });
  });
});

describe('package licence', () => {
  it('unknown unless every article states one; mixed when they differ', () => {
    assert.equal(packageLicense([{ license: 'CC-BY-4.0' }, { license: null }]).licenses, null);
    assert.equal(packageLicense([{ license: 'CC-BY-4.0' }, { license: 'CC0-1.0' }]).licenses, null);
    assert.match(packageLicense([{ license: 'CC-BY-4.0' }, { license: 'CC0-1.0' }]).statement, /^Mixed/);
    assert.equal(packageLicense([{ license: 'CC-BY-4.0' }, { license: 'https://creativecommons.org/licenses/by/4.0/' }]).licenses?.[0]?.name, 'CC-BY-4.0');
    assert.equal(packageLicense([]).licenses, null);
  });
});
