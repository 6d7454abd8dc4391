// The live directory of simulated people: the seeded tenant plus script changes made through the
// control API. Lookups by object id, phone number or user principal name.
import { generatePeople } from './generate';
import type { AppRegistration, Person, PersonScript, ResourceAccount, SeedMeeting, Tenant } from './tenant';

/** Compares phone numbers by digits only, so "+1 425 555 0100" matches "+14255550100". */
export const phoneKey = (phone: string): string => phone.replace(/[^0-9]/g, '');

/** The mutable view of the tenant the engine and the control API share. */
export class Directory {
  private tenant: Tenant;
  /** Generated people so far (numbers their names). */
  private generated = 0;

  constructor(private readonly seed: Tenant) {
    this.tenant = structuredClone(seed);
  }

  /** The current tenant (seed plus changes). */
  current(): Tenant {
    return this.tenant;
  }

  /** Drops every change: back to the seed. */
  reset(): void {
    this.tenant = structuredClone(this.seed);
    this.generated = 0;
  }

  /** Adds `count` generated people (see generate.ts) and returns them. */
  addGenerated(count: number, opts: { namePrefix?: string; script?: PersonScript } = {}): Person[] {
    const people = generatePeople(count, { ...opts, first: this.generated + 1, domain: this.tenant.domain });
    this.generated += count;
    this.tenant.people.push(...people);
    return people;
  }

  person(id: string): Person | undefined {
    const key = id.toLowerCase();
    return this.tenant.people.find(
      (p) => p.id.toLowerCase() === key || p.userPrincipalName.toLowerCase() === key,
    );
  }

  personByPhone(phone: string): Person | undefined {
    const key = phoneKey(phone);
    return key
      ? this.tenant.people.find((p) => p.phone !== undefined && phoneKey(p.phone) === key)
      : undefined;
  }

  setScript(id: string, script: PersonScript): Person | undefined {
    const person = this.person(id);
    if (person) person.script = script;
    return person;
  }

  app(appId: string): AppRegistration | undefined {
    return this.tenant.apps.find((a) => a.appId.toLowerCase() === appId.toLowerCase());
  }

  resourceAccount(id: string): ResourceAccount | undefined {
    return this.tenant.resourceAccounts.find((r) => r.id.toLowerCase() === id.toLowerCase());
  }

  resourceAccountByPhone(phone: string): ResourceAccount | undefined {
    const key = phoneKey(phone);
    return this.tenant.resourceAccounts.find((r) => phoneKey(r.phone) === key);
  }

  meetingByThread(threadId: string): SeedMeeting | undefined {
    return this.tenant.meetings.find((m) => m.threadId === threadId);
  }

  meetingByJoinId(joinMeetingId: string): SeedMeeting | undefined {
    const key = joinMeetingId.replace(/\s+/g, '');
    return this.tenant.meetings.find(
      (m) => m.joinMeetingId !== undefined && m.joinMeetingId.replace(/\s+/g, '') === key,
    );
  }
}
