import { describe, expect, it } from 'vitest';
import { writtenTableNames } from '../../src/parity/written-tables.js';

describe('writtenTableNames', () => {
  const valid: [string, string[]][] = [
    ['CREATE TABLE orders (id INT);', ['orders']],
    ['create table orders(id int);', ['orders']],
    ['CREATE TABLE [order lines] (id INT);', ['order lines']],
    ['CREATE TABLE "order lines" (id INTEGER);', ['order lines']],
    ['CREATE TABLE `order lines` (id INTEGER);', ['order lines']],
    ['CREATE TABLE [odd(name)] (id INT);', ['odd(name)']],
    ['CREATE TABLE dbo.orders (id INT);', ['orders']],
    ['CREATE TABLE [dbo].[orders] (id INT);', ['orders']],
    ['CREATE TABLE main . "orders" (id INTEGER);', ['orders']],
    ['CREATE TEMP TABLE scratch (id INTEGER);', ['scratch']],
    ['CREATE TEMPORARY TABLE IF NOT EXISTS scratch (id INTEGER);', ['scratch']],
    ['CREATE TABLE IF (id INT);', ['IF']],
    ['CREATE TABLE [half" (id INT);', ['half']],
    ['CREATE TABLE a (id INT);\nGO\nCREATE  TABLE\n  b\n  (id INT);', ['a', 'b']],
    ['CREATE TABLE заказы (id INT);', ['заказы']],
  ];
  it.each(valid)('reads %j', (code, names) => {
    expect(writtenTableNames(code)).toEqual(names);
  });

  const invalid: string[] = [
    'CREATE TABLE copy AS SELECT * FROM orders;',
    'CREATE VIEW orders_view AS SELECT 1 AS one;',
    'CREATE TABLE [my schema].orders (id INT);',
    'RECREATE TABLE orders (id INT);',
    'CREATE INDEX ix ON orders (id);',
  ];
  it.each(invalid)('finds no table written in %j', (code) => {
    expect(writtenTableNames(code)).toEqual([]);
  });
});
