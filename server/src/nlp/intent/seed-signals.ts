// More seed examples of the intents a team acts on, in the registers of social posts and e-mail:
// casual complaints without a single angry word, questions that start "is", "are", "has",
// thanks given to people, ideas phrased as "should" and "how about", and the noise of test posts.
// Written for Rapport; kept free of the dev and eval sets' messages.

import type { IntentExample } from './intent-model.js';

const complaint = [
  'Day four without hot water and the landlord has stopped answering.',
  'My flight got cancelled and the airline rebooked me three days later.',
  'I have called your helpline six times and been cut off every time.',
  'Our bins have not been collected for three weeks.',
  'The heating broke again and the repair man never turned up.',
  'Paid for next day delivery, it took a week.',
  'My account was locked for no reason and support just sends templates.',
  'The new version removed offline mode, I cannot use it on the train anymore.',
  'Got charged a late fee even though I paid on time.',
  'My pension payment is missing this month and nobody can tell me why.',
  'The lift in our building has been out of order for a month.',
  'Half the items in my grocery order were substituted or missing.',
  'Your app drains my battery even when it is closed.',
  'Stuck at the station for two hours, no trains and no announcements.',
  'Tried to book an appointment for weeks, the website always says no slots.',
  'We were overbooked and left without a room at midnight.',
  'The wardrobe arrived with pieces missing and the instructions wrong.',
  'The coffee machine leaks after one month of use.',
  'I reported the streetlight outside my house months ago, still dark.',
  'Your engineer said he would call back. He did not.',
  'The broadband speed is a fraction of what I pay for.',
  'My bank froze my card while I was on holiday with no warning.',
  'Signal drops every time I walk into my kitchen, useless network.',
  'They sold my data and now I get ten spam calls a day.',
  'The bus drove straight past me at the stop. Again.',
  'I was promised a callback within 24 hours, it has been a week.',
  'Thanks for nothing, my complaint was closed without a reply.',
  'Ridiculous queues at passport control, two desks open for three planes.',
];

const question = [
  'Is the swimming pool open during the school holidays?',
  'Are there any vegetarian options on the set menu?',
  'Has anyone heard whether the 8:05 is running today?',
  'Is the car park at the station free after 6pm?',
  'Are pets allowed in the rooms?',
  'Has my payment gone through? I cannot see it in the app.',
  'Is this charger compatible with the older model?',
  'Does the ticket include the return journey?',
  'Are you open on bank holiday Monday?',
  'Is there an English version of the form?',
  'Which cable do I need to connect it to my monitor?',
  'Where do I find the serial number on the device?',
  'Can I use a gift card online?',
  'When does the sale end?',
  'How much luggage can I take on the cheapest fare?',
  'What happens if I miss my connecting flight?',
  'Is it normal for the fan to be this loud?',
  'Can anyone recommend a good plumber in Bristol?',
];

const praise = [
  'A big thank you to the paramedics who helped my dad yesterday.',
  'Hats off to the volunteers who cleaned the beach this morning.',
  'Well done to the whole team, an amazing result.',
  'Respect to the bus driver who waited for the lady with the pram.',
  'Brilliant evening at the theatre, the cast were outstanding.',
  'Cannot recommend this place enough, friendly and spotless.',
  'My new phone is a joy to use, battery lasts forever.',
  'Spot on advice from the pharmacist today, thank you.',
  'Thanks to everyone who came to the launch, what a night!',
  'The repair shop fixed my laptop in a day. Superb.',
  'The food was delicious and the service was warm and quick.',
  'So grateful to our neighbours for looking after the cat.',
  'Absolutely stunning photos, well done.',
  'Our guide was funny, patient and knew everything. Ten out of ten.',
];

const idea = [
  'You should add a button to repeat my last order.',
  'How about opening the library on Sunday afternoons?',
  'Wish there was an option to mute a conversation.',
  'The council should put a crossing outside the school.',
  'Why not let customers choose a delivery time slot?',
  'It would make sense to show prices per kilo on the shelf labels.',
  'Please consider a quiet carriage on the morning trains.',
  'A night bus on this route would really help shift workers.',
  'Can you make the export include the notes field?',
  'Feature suggestion: let me pin important chats to the top.',
];

const purchase = [
  'I am ready to order, can you send the invoice to our office?',
  'We want to buy tickets for a group of twelve.',
  'Interested in your annual plan, can I pay by bank transfer?',
  'Looking to rent a van for the weekend, what do you charge?',
  'I will take the grey one in size 10 please.',
  'How do I order the starter kit? I want to get it this week.',
];

const spam = [
  'test post please ignore',
  'testing',
  'hello test',
  'aaaaaaa',
  'jkjkjkjk',
  'xyz xyz xyz',
  'Sent from my iPhone',
  'This message has been scanned for viruses and dangerous content.',
  'FOR SALE: sofa, fridge and bike, collection only, call 555 0199',
  'Apartment for rent, 2 bedrooms, 900 a month, message me',
  '👉 http://short.example 👈',
  '#followme #instadaily #l4l #tagsforlikes',
  'You have won a $1000 voucher, claim it here http://prize.example',
  'Make money online with no experience, click the link',
];

function labelled(intent: IntentExample['intent'], texts: readonly string[]): IntentExample[] {
  return texts.map((text) => ({ text, intent }));
}

export const signalExamples: readonly IntentExample[] = [
  ...labelled('complaint', complaint),
  ...labelled('question', question),
  ...labelled('praise', praise),
  ...labelled('idea', idea),
  ...labelled('purchase', purchase),
  ...labelled('spam', spam),
];
