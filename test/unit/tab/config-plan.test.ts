// The tab's configuration page rules: what adding the tab means in a team channel, a meeting and a
// group chat (view, content URL, entity id, words), and which surface a saved view opens.
import assert from 'node:assert/strict';
import { planTab, viewForPlace } from '../../../teams-tab/web/src/config/tab-plan';
import { surfaceFor, viewParam } from '../../../teams-tab/web/src/host-rules';

const CONFIG_URL = 'https://switchboard.contoso.example/tab/config.html';
const team = { teamId: 'group-1', teamName: 'Sales', channelName: 'General' };
const meeting = { meetingId: 'MCMxOTptZWV0aW5nX3hAdGhyZWFkLnYyIzA=', chatId: '19:meeting_x@thread.v2' };
const chat = { chatId: '19:abc@thread.v2' };

describe('tab configuration: the tab a place gets', () => {
  it('picks the team board in a channel, the meeting in a meeting, the board in a group chat', () => {
    assert.equal(viewForPlace(team), 'team');
    // A meeting held in a channel has the team in its context too: it is still the meeting's tab.
    assert.equal(viewForPlace({ ...team, ...meeting }), 'meeting');
    assert.equal(viewForPlace(meeting), 'meeting');
    assert.equal(viewForPlace(chat), 'chat');
    assert.equal(viewForPlace({}), undefined);
    assert.equal(planTab({}, CONFIG_URL), undefined);
  });

  it('points the content URL at the tab beside config.html, naming the view', () => {
    const plan = planTab(team, CONFIG_URL);
    assert.ok(plan);
    assert.equal(plan.settings.contentUrl, 'https://switchboard.contoso.example/tab/?view=team');
    assert.equal(plan.settings.websiteUrl, 'https://switchboard.contoso.example/tab/');
    assert.equal(plan.settings.suggestedDisplayName, 'Switchboard');
    // Wherever the page was served from (a query on config.html changes nothing).
    const local = planTab(meeting, 'http://127.0.0.1:3978/tab/config.html?x=1');
    assert.equal(local?.settings.contentUrl, 'http://127.0.0.1:3978/tab/?view=meeting');
  });

  it('gives each view one stable entity id, the same on every save', () => {
    const ids = [team, meeting, chat].map((p) => planTab(p, CONFIG_URL)?.settings.entityId);
    assert.deepEqual(ids, ['switchboard-team-board', 'switchboard-meeting', 'switchboard-chat-board']);
    const again = planTab({ teamId: 'group-2', teamName: 'Other' }, CONFIG_URL);
    assert.equal(again?.settings.entityId, 'switchboard-team-board');
  });

  it('says what is added where, with the names the context gives', () => {
    assert.equal(planTab(team, CONFIG_URL)?.headline, 'Add Switchboard to General in Sales');
    assert.match(planTab(team, CONFIG_URL)?.details ?? '', /^The tab shows Sales's members/);
    assert.equal(planTab({ teamId: 'g' }, CONFIG_URL)?.headline, 'Add Switchboard to this team');
    assert.equal(planTab(meeting, CONFIG_URL)?.headline, 'Add Switchboard to this meeting');
    assert.equal(planTab(chat, CONFIG_URL)?.headline, 'Add Switchboard to this chat');
  });
});

describe('tab configuration: the view a saved content URL opens', () => {
  it('reads only the views it knows from the query', () => {
    assert.equal(viewParam('?view=team'), 'team');
    assert.equal(viewParam('?x=1&view=meeting'), 'meeting');
    assert.equal(viewParam('?view=chat'), 'chat');
    assert.equal(viewParam('?view=admin'), undefined);
    assert.equal(viewParam(''), undefined);
  });

  it('shows the meeting in its panel and stage whatever the view says', () => {
    assert.equal(surfaceFor('sidePanel', undefined, 'team'), 'meeting');
    assert.equal(surfaceFor('meetingStage', 'm1', 'chat'), 'meeting');
  });

  it('follows the saved view in a content frame, and the context without one', () => {
    assert.equal(surfaceFor('content', 'm1', 'meeting'), 'meeting');
    assert.equal(surfaceFor('content', 'm1', 'team'), 'personal');
    assert.equal(surfaceFor('content', 'm1', 'chat'), 'personal');
    // A meeting view with no meeting in the context has nothing to show: the board instead.
    assert.equal(surfaceFor('content', undefined, 'meeting'), 'personal');
    assert.equal(surfaceFor('content', 'm1'), 'meeting');
    assert.equal(surfaceFor('content', undefined), 'personal');
  });
});
