/**
 * A small table of common English given-name diminutives and transliteration variants, mapped to
 * one canonical form, so "Bob" and "Robert" agree as given names. It is deliberately short: a
 * wrong entry would make different people look alike.
 */

// prettier-ignore
const FORMS: Record<string, readonly string[]> = {
  robert: ['bob', 'bobby', 'rob', 'robbie', 'bert'],
  william: ['bill', 'billy', 'will', 'willy', 'liam'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betty', 'eliza', 'elisabeth'],
  james: ['jim', 'jimmy', 'jamie'],
  michael: ['mike', 'mick', 'mikey'],
  david: ['dave', 'davy'],
  thomas: ['tom', 'tommy'],
  katherine: ['kate', 'katie', 'kathy', 'catherine', 'kathryn', 'cathy'],
  christopher: ['chris', 'kit'],
  matthew: ['matt'],
  daniel: ['dan', 'danny'],
  samuel: ['sam', 'sammy'],
  alexander: ['alex', 'sasha', 'aleksandr', 'aleksander', 'alexandr'],
  anthony: ['tony'],
  joseph: ['joe', 'joey'],
  john: ['johnny', 'jack'],
  nicholas: ['nick', 'nicky'],
  stephen: ['steve', 'steven'],
  benjamin: ['ben', 'benny'],
  andrew: ['andy', 'drew'],
  margaret: ['maggie', 'meg', 'peggy'],
  susan: ['sue', 'susie'],
  jennifer: ['jen', 'jenny'],
  patricia: ['pat', 'patty', 'trish'],
  edward: ['ed', 'eddie', 'ted', 'ned'],
  charles: ['charlie', 'chuck'],
  henry: ['harry', 'hank'],
  richard: ['dick', 'rick', 'ricky', 'rich'],
  jonathan: ['jon'],
  timothy: ['tim', 'timmy'],
  rebecca: ['becky', 'becca'],
  deborah: ['debbie', 'deb'],
  victoria: ['vicky', 'tori'],
  dmitry: ['dmitri', 'dmitriy', 'dima'],
  sergey: ['sergei', 'serge'],
  yevgeny: ['evgeny', 'evgeniy', 'eugene', 'zhenya'],
  mikhail: ['misha'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, forms] of Object.entries(FORMS)) for (const form of forms) CANONICAL.set(form, canonical);

/** The canonical form of a folded given name (itself when it is not in the table). */
export function canonicalGivenName(folded: string): string {
  return CANONICAL.get(folded) ?? folded;
}
