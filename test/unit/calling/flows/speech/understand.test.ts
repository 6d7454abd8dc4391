import assert from 'node:assert/strict';
import { matchChoice, sentimentScore } from '../../../../../calling/flows/speech';

const MENU = [
  { label: 'billing', phrases: ['invoice', 'bill', 'payment', 'refund'] },
  { label: 'support', phrases: ['help', 'broken', 'not working', 'problem'] },
  { label: 'sales', phrases: ['buy', 'price', 'quote'] },
];

describe('understanding recognised words', () => {
  it('finds the choice a caller names, by whole words and phrases', () => {
    assert.equal(matchChoice('I have a question about my invoice.', MENU), 'billing');
    assert.equal(matchChoice('My bills are wrong', MENU), 'billing');
    assert.equal(matchChoice('The printer is NOT working!', MENU), 'support');
    assert.equal(matchChoice('Could I get a quote?', MENU), 'sales');
    assert.equal(matchChoice('What is the weather like on Mars?', MENU), undefined);
    // "billion" is not "bill", "buyer" is not "buy".
    assert.equal(matchChoice('A billion buyers', MENU), undefined);
  });

  it('prefers the choice named most often', () => {
    assert.equal(
      matchChoice('I want to buy, but my payment has a problem, the payment failed', MENU),
      'billing',
    );
  });

  it('scores clearly negative words low and neutral ones near zero', () => {
    assert.ok(sentimentScore('This is terrible, I am furious about your awful service') <= -6);
    assert.equal(sentimentScore('I have a question about my invoice'), 0);
  });
});
