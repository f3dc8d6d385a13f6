"""Text for the Dateline demo site: sections, authors, articles, a long read and comments.

Everything here was written for this project. The people, towns, companies and most of the
countries are invented; real countries and institutions appear only as neutral background.
The module is pure data so the demo builder and tests can import it without Django.
"""

SITE_NAME = "The Dateline Courier"
TAGLINE = "Independent reporting from Harwick and the world, every day since 1921"

SECTIONS: list[dict] = [
    {
        "title": "World",
        "slug": "world",
        "intro": (
            "Reporting from our correspondents on conflict, diplomacy and the lives caught up in "
            "both."
        ),
    },
    {
        "title": "Politics",
        "slug": "politics",
        "intro": "Parliament, the parties and the decisions that shape how the country is run.",
    },
    {
        "title": "Business",
        "slug": "business",
        "intro": "Markets, money and work, from the trading floor to the factory gate.",
    },
    {
        "title": "Science",
        "slug": "science",
        "intro": (
            "Discoveries, experiments and the researchers behind them, explained without the "
            "jargon."
        ),
    },
    {
        "title": "Culture",
        "slug": "culture",
        "intro": (
            "Film, books, music, theatre and the arts, reviewed and reported by people who care "
            "about them."
        ),
    },
]

AUTHORS: list[dict] = [
    {
        "name": "Marta Ibáñez",
        "slug": "marta-ibanez",
        "role": "Europe correspondent",
        "bio": (
            "Marta Ibáñez covers European affairs from Brussels and Geneva. She previously "
            "reported from Madrid and Lisbon for twelve years and has covered four national "
            "elections and two refugee crises."
        ),
        "x": "https://x.com/martaibanez_dc",
        "bluesky": "https://bsky.app/profile/martaibanez.bsky.social",
        "website": "",
    },
    {
        "name": "Amara Okonjo",
        "slug": "amara-okonjo",
        "role": "Diplomatic correspondent",
        "bio": (
            "Amara Okonjo reports on diplomacy, humanitarian aid and conflict. Before joining the "
            "Courier she spent six years in Nairobi and Addis Ababa. She speaks French, Swahili "
            "and passable Portuguese."
        ),
        "x": "https://x.com/amaraokonjo",
        "bluesky": "",
        "website": "https://amaraokonjo.example",
    },
    {
        "name": "Daniel Whitcombe",
        "slug": "daniel-whitcombe",
        "role": "Political editor",
        "bio": (
            "Daniel Whitcombe has covered Parliament since 2009 and has watched five prime "
            "ministers come and go from the press gallery. He writes the Monday column Order "
            "Paper."
        ),
        "x": "https://x.com/dwhitcombe",
        "bluesky": "https://bsky.app/profile/dwhitcombe.bsky.social",
        "website": "",
    },
    {
        "name": "Priya Raman",
        "slug": "priya-raman",
        "role": "Economics correspondent",
        "bio": (
            "Priya Raman writes about the economy, central banks and the labour market. She "
            "trained as an economist and worked at a regional development bank before switching "
            "to journalism."
        ),
        "x": "",
        "bluesky": "https://bsky.app/profile/priyaraman.bsky.social",
        "website": "",
    },
    {
        "name": "Søren Vedel",
        "slug": "soren-vedel",
        "role": "Science editor",
        "bio": (
            "Søren Vedel is the Courier’s science editor. He holds a doctorate in marine "
            "biology and has reported from research ships in the North Atlantic and from "
            "observatories in the Chilean Andes."
        ),
        "x": "https://x.com/sorenvedel",
        "bluesky": "",
        "website": "https://sorenvedel.example",
    },
    {
        "name": "Léa Fontaine",
        "slug": "lea-fontaine",
        "role": "Arts editor",
        "bio": (
            "Léa Fontaine edits the Courier’s culture pages and reviews film and theatre. "
            "She has sat on the jury of three international film festivals and teaches a "
            "criticism workshop at Harwick University."
        ),
        "x": "",
        "bluesky": "https://bsky.app/profile/leafontaine.bsky.social",
        "website": "",
    },
]

TAGS: list[str] = [
    "Elections",
    "Climate",
    "Central banks",
    "AI",
    "Football",
    "Diplomacy",
    "Conflict",
    "Humanitarian aid",
    "Public health",
    "Housing",
    "Transport",
    "Energy",
    "Trade",
    "Technology",
    "Space",
    "Biodiversity",
    "Oceans",
    "Film",
    "Books",
    "Music",
    "Museums",
    "Parliament",
    "Privacy",
    "Labour",
    "Economy",
    "Theatre",
    "Migration",
    "Archaeology",
]

ARTICLES: list[dict] = [
    {
        "section": "world",
        "headline": "Velmora and eastern rebels agree to resume ceasefire talks in Geneva",
        "standfirst": (
            "Negotiators from the Velmoran government and the Tarsk Liberation Front will meet "
            "face to face for the first time in fourteen months, with a prisoner exchange and "
            "humanitarian corridors at the top of the agenda."
        ),
        "dateline": "GENEVA",
        "authors": ["marta-ibanez", "amara-okonjo"],
        "tags": ["Conflict", "Diplomacy"],
        "paragraphs": [
            "Negotiators for the government of Velmora and the Tarsk Liberation Front have "
            "agreed to return to the table in Geneva next week, the United Nations said on "
            "Tuesday, reviving a peace process that collapsed last winter amid accusations of "
            "bad faith on both sides. The talks will be the first direct meeting between the "
            "two delegations in fourteen months.",
            "Henrik Aalto, the UN special envoy who has spent most of the past year shuttling "
            "between the capital, Velmora City, and the rebel stronghold of Orsk, said both "
            "parties had accepted a three-point agenda. It covers an exchange of detainees, "
            "the reopening of two humanitarian corridors into the eastern province and a "
            "mechanism for monitoring any truce along the 240-kilometre front line.",
            "“Nobody in that room trusts the other side, and they do not have to,” "
            "Mr Aalto told reporters outside the Palais des Nations. “They only have to "
            "trust the arrangements. Our job is to build arrangements that survive a bad "
            "night on the front line.” He declined to predict how long the talks would "
            "last.",
            "The last ceasefire, agreed in October, held for barely five weeks before "
            "artillery exchanges resumed around the river town of Brezna. Each side blamed "
            "the other for the first shots. Since then, UN monitors have recorded more than "
            "300 civilian deaths, and aid agencies say food stocks in several besieged "
            "villages are close to exhausted.",
            "Velmora’s foreign minister, Irina Dascalu, said the government was "
            "attending “in good faith and with clear red lines”, chief among them "
            "the territorial integrity of the country. A spokesman for the rebels, speaking "
            "by telephone from Orsk, said the front would insist that any deal include "
            "guarantees for Tarsk-language schools and local policing.",
            "Diplomats involved in the preparations said the detainee exchange was the most "
            "likely early result. Lists of roughly 900 prisoners held by each side have "
            "already been shared with the International Committee of the Red Cross, which "
            "would oversee any transfer. A senior European official described a swap as "
            "“the confidence payment both sides need before anything harder”.",
        ],
        "subheading": "A fragile first step",
        "pull_quote": {
            "quote": (
                "Nobody in that room trusts the other side, and they do not have to. They only "
                "have to trust the arrangements."
            ),
            "attribution": "Henrik Aalto, UN special envoy",
        },
        "fact_box": {
            "title": "The conflict in numbers",
            "items": [
                "Began in March 2021 after the disputed Tarsk regional vote",
                "An estimated 11,400 people killed, according to UN monitors",
                "620,000 people displaced from the eastern province",
                "Two previous ceasefires collapsed within six weeks",
            ],
        },
        "image_caption": (
            "Delegates arrive at the Palais des Nations on Tuesday morning ahead of the first "
            "session."
        ),
        "image_credit": "Julien Marchetti / Dateline",
    },
    {
        "section": "world",
        "headline": ("Aid convoys reach cut-off villages as Anvar delta floodwaters begin to fall"),
        "standfirst": (
            "Ten days after the worst monsoon flooding in half a century, relief agencies are "
            "reaching communities that had been accessible only by boat, but officials warn of "
            "disease as the water recedes."
        ),
        "dateline": "PORT ANVAR",
        "authors": ["amara-okonjo"],
        "tags": ["Humanitarian aid", "Climate"],
        "paragraphs": [
            "The first road convoys in more than a week reached flood-stricken villages in "
            "the southern Anvar delta on Thursday, carrying rice, water purification tablets "
            "and tarpaulins to communities that had been reachable only by boat since the "
            "river burst its banks. Kesara’s disaster management agency said water "
            "levels had dropped by almost a metre in the hardest-hit districts.",
            "The floods, caused by three weeks of exceptionally heavy monsoon rain, have "
            "killed at least 146 people and affected more than 2.3 million, according to "
            "government figures. Thirty-eight people remain missing, most of them from "
            "fishing settlements along the coast where whole rows of stilt houses were swept "
            "away in a single night.",
            "Relief officials said the priority was now clean water. Wells across the delta "
            "have been contaminated by floodwater, and district hospitals are reporting a "
            "sharp rise in cases of diarrhoea, particularly among children under five. "
            "“The water is going down, but the danger is going up,” said Dr Nadia "
            "Rahimi, who runs a network of mobile clinics in the region.",
            "The World Food Programme said it had delivered 1,800 tonnes of food so far and "
            "was appealing for a further $48 million to cover the next three months. Farmers "
            "in the delta, which grows roughly a third of Kesara’s rice, have lost an "
            "entire harvest, and seed for replanting is in short supply.",
            "Kesara’s prime minister, Anil Veradhan, toured the district of Sethu on "
            "Wednesday and promised compensation of 50,000 rupees for every family whose home "
            "was destroyed. Opposition politicians said the figure would barely cover a new "
            "roof and accused the government of ignoring warnings about the state of the "
            "delta’s embankments, many of which were built in the 1970s.",
            "Climate scientists at Port Anvar University said the rainfall was consistent "
            "with a pattern of shorter, more intense monsoon bursts observed over the past "
            "two decades. “We used to plan for the hundred-year flood,” said "
            "hydrologist Meera Pillai. “This is the second one in eleven years. The "
            "planning assumptions are simply out of date.”",
        ],
        "subheading": "Fears of a second emergency",
        "pull_quote": None,
        "fact_box": {
            "title": "Anvar delta floods",
            "items": [
                "2.3 million people affected across four districts",
                "146 confirmed deaths, 38 people still missing",
                "41,000 homes destroyed or badly damaged",
                "Rainfall in June was 310% of the monthly average",
            ],
        },
        "image_caption": (
            "Residents wade through a flooded market street in Port Anvar as the first relief "
            "trucks arrive."
        ),
        "image_credit": "Tariq Mensah / Dateline",
    },
    {
        "section": "world",
        "headline": "Border province of the Northern Marches elects first bilingual governor",
        "standfirst": (
            "Voters in Ostravia’s northernmost region have chosen a former schoolteacher who "
            "campaigned in two languages, a result analysts say could ease decades of tension "
            "along the frontier."
        ),
        "dateline": "DRAVIK",
        "authors": ["marta-ibanez"],
        "tags": ["Elections"],
        "paragraphs": [
            "Katarina Lindqvist, a former secondary school teacher who ran without the "
            "backing of any national party, has been elected governor of Ostravia’s "
            "Northern Marches, becoming the first person to win the post after campaigning "
            "equally in Ostravian and Lemberish. Final results published on Monday gave her "
            "52.7 percent of the vote in a run-off against the incumbent, Pavel Greco.",
            "The border province has long been a political fault line. About four in ten "
            "residents speak Lemberish, the language of neighbouring Lemberia, as their "
            "mother tongue, and disputes over school curricula, road signs and policing have "
            "soured relations between the two countries for most of the past thirty years.",
            "Ms Lindqvist, 47, made those grievances the centre of her campaign, holding "
            "town-hall meetings in both languages and promising a provincial language "
            "commission with equal representation. Her opponents accused her of being naive "
            "about Lemberian influence in the region; she accused them of “running the "
            "province like a customs post”.",
            "Turnout reached 68.4 percent, the highest for a regional election in Ostravia "
            "since the late 1990s. Queues formed outside polling stations in Dravik and the "
            "mill town of Sorvik long before they opened, and election officials extended "
            "voting by an hour in eleven districts.",
            "The national government in Kastrel congratulated the governor-elect in a brief "
            "statement and said it looked forward to “constructive cooperation within "
            "the constitutional framework”. Lemberia’s foreign ministry welcomed "
            "the high turnout, a phrase diplomats in both capitals read as cautious approval.",
            "Mr Greco conceded shortly after midnight. Speaking to supporters at a hotel on "
            "the edge of the city, he said the result showed “a province that wants to "
            "talk rather than shout” and promised his party would hold the new "
            "administration to account on jobs and the long-delayed motorway to the border "
            "crossing at Vell.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "I did not win because I speak two languages. I won because people are tired of "
                "being told which one they are allowed to be angry in."
            ),
            "attribution": "Katarina Lindqvist, governor-elect",
        },
        "fact_box": {
            "title": "The Northern Marches",
            "items": [
                "Population: about 780,000",
                "Roughly 40% speak Lemberish as a first language",
                "Turnout on Sunday: 68.4%, up from 51% in 2019",
                "The province shares a 310 km border with Lemberia",
            ],
        },
        "image_caption": (
            "Supporters of Katarina Lindqvist celebrate in Dravik’s old town square on "
            "Sunday night."
        ),
        "image_credit": "Elin Haugaard / Dateline",
    },
    {
        "section": "world",
        "headline": "Climate finance talks in Bonn end without a deal on adaptation fund",
        "standfirst": (
            "Two weeks of negotiations on how much wealthy nations should pay to help poorer "
            "countries adapt to a hotter world closed late on Friday with the key number still in "
            "square brackets."
        ),
        "dateline": "BONN",
        "authors": ["marta-ibanez"],
        "tags": ["Climate", "Diplomacy"],
        "paragraphs": [
            "Negotiators from nearly 190 countries left Bonn on Friday night without agreeing "
            "how much money should flow into a new international fund for climate adaptation, "
            "pushing the most contentious question of the year’s talks to the annual "
            "summit in November. The draft text running to 41 pages still contains more than "
            "200 passages in square brackets, signalling disagreement.",
            "Developing countries had pressed for a commitment of at least $120 billion a "
            "year by 2030 to pay for sea walls, drought-resistant crops, early warning "
            "systems and the relocation of communities from flood plains. Several large donor "
            "governments argued that a firm figure was premature until the fund’s "
            "governance and eligibility rules were settled.",
            "“Every bracket in this text is a village that will not get a sea wall this "
            "year,” said Losa Tuilagi, who speaks for a group of Pacific island states, "
            "in an emotional closing statement that drew sustained applause from the floor. "
            "Delegates from several European countries were seen applauding as well.",
            "There was modest progress elsewhere. Negotiators agreed on a common framework "
            "for reporting adaptation spending, which aid groups have long complained is "
            "counted in wildly different ways, and on a process for reviewing the first round "
            "of national adaptation plans. Observers described both as technical but "
            "necessary steps.",
            "Rafael Montoya, a veteran climate policy analyst at the Bogotá-based "
            "Institute for Climate Equity, said the outcome was disappointing but not unusual "
            "for mid-year sessions. “Bonn is where the numbers are argued over, not "
            "where they are agreed,” he said. “The real question is whether "
            "ministers arrive in November with a mandate to close the gap.”",
            "The fund, agreed in principle two years ago, has so far received pledges of "
            "about $9 billion, most of it spread over several years. Independent estimates of "
            "adaptation needs in developing countries run between $200 billion and $350 "
            "billion a year by the end of the decade.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Every bracket in this text is a village that will not get a sea wall this year."
            ),
            "attribution": "Losa Tuilagi, Pacific islands negotiator",
        },
        "fact_box": None,
        "image_caption": (
            "Delegates leave the final plenary session at the World Conference Center in Bonn "
            "late on Friday."
        ),
        "image_credit": "Katrin Vogel / Dateline",
    },
    {
        "section": "world",
        "headline": "First grain ships clear the Strait of Calvessa after naval escort deal",
        "standfirst": (
            "Three bulk carriers loaded with wheat sailed from Port Savin under a new escort "
            "arrangement, easing fears of a food price spike across North Africa and the Middle "
            "East."
        ),
        "dateline": "PORT SAVIN",
        "authors": ["amara-okonjo"],
        "tags": ["Trade", "Diplomacy"],
        "paragraphs": [
            "Three cargo ships carrying a combined 160,000 tonnes of wheat left Port Savin on "
            "Monday, the first grain shipments to pass through the Strait of Calvessa in more "
            "than three months. The vessels sailed under an escort arrangement agreed last "
            "week between the coastal states and a coalition of naval forces, after mines "
            "were reported in the approaches to the strait.",
            "The closure had pushed up wheat futures by almost a fifth and alarmed "
            "governments in importing countries, several of which rely on the corridor for "
            "more than half their grain. Egypt, Tunisia and Lebanon were among the countries "
            "that welcomed the sailing in statements on Monday afternoon.",
            "The agreement, brokered with the help of the International Maritime "
            "Organization, creates a swept channel through the strait, a joint inspection "
            "centre on the island of Mirela and a hotline between the navies involved. It "
            "runs for 120 days and can be renewed by consensus.",
            "Shipping analysts were cautious. “A ship leaving port is not a "
            "policy,” said Yusuf Demirel of the consultancy Bosphorus Maritime. "
            "“Thirty ships a week for six months is a policy.” He noted that "
            "insurers were still charging war-risk premiums of nearly one percent of hull "
            "value per voyage, a cost that will be passed on to buyers.",
            "At the port, where more than 2 million tonnes of grain has been sitting in silos "
            "and barges since the spring, dock workers cheered as the first ship, the Santa "
            "Pelagia, pulled away from the quay. Port authority director Lidia Stavrou said "
            "the terminal could handle up to 18 departures a week once inspections were "
            "running smoothly.",
            "Food security officials said the sailing would not immediately lower bread "
            "prices in importing countries, where stocks bought at peak prices are still "
            "working through the supply chain. But the World Food Programme said the "
            "resumption would allow it to restart purchases for its operations in East Africa.",
        ],
        "subheading": "",
        "pull_quote": None,
        "fact_box": {
            "title": "The Calvessa corridor",
            "items": [
                "About 14% of the region’s wheat exports passed through the strait "
                "before the blockade",
                "Shipping was suspended for 97 days",
                "Insurance premiums rose tenfold during the closure",
                "The deal runs for 120 days and can be extended",
            ],
        },
        "image_caption": (
            "The bulk carrier Santa Pelagia leaves Port Savin under naval escort on Monday morning."
        ),
        "image_credit": "Orhan Kaya / Dateline",
    },
    {
        "section": "world",
        "headline": "Schools reopen in Kambala camp after a year of closures",
        "standfirst": (
            "Some 14,000 children living in one of the region’s largest refugee settlements "
            "returned to classrooms this week, many of them rebuilt by parents with materials "
            "donated by aid groups."
        ),
        "dateline": "KAMBALA CAMP",
        "authors": ["amara-okonjo"],
        "tags": ["Humanitarian aid", "Migration"],
        "paragraphs": [
            "Classes resumed on Monday in Kambala, a sprawling refugee camp near the Rusengan "
            "border that is home to about 92,000 people, after a year in which funding "
            "shortfalls and a cholera outbreak kept most of its schools shut. Camp "
            "authorities said roughly 14,000 children attended on the first day, around "
            "two-thirds of those enrolled.",
            "Many of the buildings are new. After storms last year tore the roofs from most "
            "of the camp’s 23 schools, parents formed work crews and rebuilt them using "
            "timber, iron sheeting and cement donated by aid agencies. At Hope Primary, the "
            "largest school in the camp, fathers were still painting the blackboards on "
            "Sunday evening.",
            "“My daughter asked me this morning if school was real this time,” said "
            "Joseph Ndayishimiye, a member of the camp’s refugee committee who fled "
            "fighting in 2019. “I told her yes. I hope I was not lying.” Families "
            "have been anxious, he said, because earlier reopening dates were announced and "
            "then withdrawn.",
            "The UN refugee agency said it had secured enough money to run the schools until "
            "the end of the year, thanks largely to an emergency grant from a group of Nordic "
            "donors. But salaries for the camp’s 410 teachers, most of them refugees "
            "themselves, are paid partly in cash and partly in food vouchers, and have often "
            "arrived weeks late.",
            "Education specialists warned that a year out of the classroom had left many "
            "children far behind. An assessment carried out in May found that fewer than one "
            "in five ten-year-olds in the camp could read a short paragraph in any language. "
            "Catch-up classes in the afternoons are planned, but depend on additional funding.",
            "The host government, which has kept its border open to refugees despite economic "
            "pressures of its own, has allowed older pupils to sit national examinations "
            "since 2022. Camp officials said 312 students would take the secondary leaving "
            "exam in November, more than double the number two years ago.",
        ],
        "subheading": "Teachers paid in part, and late",
        "pull_quote": {
            "quote": (
                "My daughter asked me this morning if school was real this time. I told her yes. "
                "I hope I was not lying."
            ),
            "attribution": "Joseph Ndayishimiye, parent and camp committee member",
        },
        "fact_box": None,
        "image_caption": (
            "Pupils at the rebuilt Hope Primary School in Kambala camp on the first day of term."
        ),
        "image_credit": "Grace Wanjiru / Dateline",
    },
    {
        "section": "world",
        "headline": (
            "One year after the Qaravel earthquake, a mountain town rebuilds on its own terms"
        ),
        "standfirst": (
            "Residents rejected a government plan to relocate them to the plains. Twelve months "
            "on, they are rebuilding stone by stone, with mixed results."
        ),
        "dateline": "QARAVEL",
        "authors": ["amara-okonjo"],
        "tags": ["Humanitarian aid", "Housing"],
        "paragraphs": [
            "A year after a magnitude 6.8 earthquake flattened much of Qaravel, the mountain "
            "town is a building site. Cranes stand over the old quarter, stonemasons work on "
            "scaffolding that was once houses, and the main square is ringed by prefabricated "
            "cabins that have served as homes, shops and a clinic since last winter.",
            "The earthquake struck shortly after 3am, killing 412 people in the town and "
            "nearby villages. In the weeks that followed the government proposed moving "
            "survivors to a new settlement on the plains forty kilometres away, arguing that "
            "rebuilding on the fault line was too risky. Residents refused, in a petition "
            "signed by more than nine in ten households.",
            "“They offered us concrete boxes on a motorway,” said Leyla Hasanova, "
            "who chairs the town’s reconstruction committee. “We asked for help "
            "rebuilding where our parents are buried.” The government eventually agreed, "
            "on condition that new homes meet a seismic building code that engineers describe "
            "as among the strictest in the region.",
            "Progress has been uneven. Of about 2,600 homes destroyed or condemned, 740 have "
            "been rebuilt, according to the committee’s figures. Families with savings "
            "or relatives abroad have moved back into new houses; others remain in cabins "
            "that were designed for a single winter. Several residents said the compensation "
            "payments had not kept pace with construction costs, which have risen by a third.",
            "Engineers working on the project say the town may end up safer than it has ever "
            "been. The new buildings use reinforced stone, a traditional method updated with "
            "steel ties and lighter roofs. “The old houses fell because the roofs were "
            "heavy and the walls were not tied together,” said structural engineer Davit "
            "Sarkisian. “We are fixing both.”",
            "The town’s school reopened in September and the Saturday market has "
            "returned, now held in the car park beside the cabins. But many younger residents "
            "have left for the cities and not come back. The mayor estimates the population "
            "has fallen from 11,000 to under 8,000, and worries that some of those losses are "
            "permanent.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "They offered us concrete boxes on a motorway. We asked for help rebuilding where "
                "our parents are buried."
            ),
            "attribution": "Leyla Hasanova, Qaravel reconstruction committee",
        },
        "fact_box": {
            "title": "The Qaravel earthquake",
            "items": [
                "Magnitude 6.8, shortly after 3am local time",
                "412 people killed in the town and surrounding villages",
                "80% of buildings in the old town damaged",
                "Reconstruction budget: about $190 million, roughly half disbursed",
            ],
        },
        "image_caption": (
            "Builders lay stone walls on a new house in Qaravel’s upper quarter, twelve "
            "months after the earthquake."
        ),
        "image_credit": "Arman Petrosyan / Dateline",
    },
    {
        "section": "world",
        "headline": ("North Atlantic states agree steep cut to mackerel catch after stock warning"),
        "standfirst": (
            "Five coastal governments have agreed to reduce next year’s mackerel quota by "
            "almost a third, ending a decade of disputes over how to share a fish that no longer "
            "stays where it used to."
        ),
        "dateline": "TÓRSHAVN",
        "authors": ["marta-ibanez"],
        "tags": ["Oceans", "Biodiversity", "Trade"],
        "paragraphs": [
            "Five North Atlantic coastal states have agreed to cut next year’s total "
            "mackerel catch by 31 percent, following scientific advice that the stock has "
            "fallen to its lowest level in fifteen years. The deal, struck after four days of "
            "talks in Tórshavn, also sets out for the first time a fixed formula for "
            "dividing the catch among the parties.",
            "Mackerel has been one of the most valuable and most quarrelsome fisheries in "
            "European waters. As sea temperatures have risen, the fish have shifted their "
            "feeding grounds north and west, into waters where they were once rare. Countries "
            "that gained access to the stock set their own quotas, and for years the combined "
            "catch exceeded scientific advice by forty percent or more.",
            "“The fish do not read treaties,” said Dr Hanna Joensen, a fisheries "
            "scientist who advised one of the delegations. “They follow the temperature. "
            "Our agreements have to follow the fish.” She said the new formula, which "
            "links each country’s share to survey data on where the stock is found each "
            "summer, was an important precedent.",
            "The industry reaction was mixed. Pelagic fleet owners, who have invested heavily "
            "in large refrigerated trawlers, warned of job losses and said the cut would cost "
            "the sector hundreds of millions in revenue. Environmental groups welcomed the "
            "agreement but said it should have gone further, pointing out that the scientists "
            "had advised a reduction of 38 percent.",
            "Negotiators acknowledged that the deal’s credibility depends on "
            "enforcement. Each country has agreed to share satellite tracking data from its "
            "vessels and to allow joint inspections at landing ports. A review will take "
            "place after two years, and any state that overfishes its share faces a deduction "
            "the following season.",
            "The agreement still needs approval from national parliaments, but officials said "
            "they expected it to take effect on January 1. Chief negotiator Jógvan Hansen "
            "described it as “a good compromise that nobody likes, which is usually how "
            "you know it is fair”.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "The fish do not read treaties. They follow the temperature. Our agreements have "
                "to follow the fish."
            ),
            "attribution": "Dr Hanna Joensen, fisheries scientist",
        },
        "fact_box": None,
        "image_caption": "Pelagic trawlers moored in Tórshavn harbour during the negotiations.",
        "image_credit": "Rúni Jacobsen / Dateline",
    },
    {
        "section": "world",
        "headline": "Santa Irena’s president survives impeachment vote by two ballots",
        "standfirst": (
            "Tomás Arriaga will remain in office after an impeachment motion over a public "
            "works contract fell short of the required two-thirds majority, but the vote has left "
            "his coalition deeply divided."
        ),
        "dateline": "SAN LÁZARO",
        "authors": ["marta-ibanez"],
        "tags": ["Elections", "Parliament"],
        "paragraphs": [
            "President Tomás Arriaga of Santa Irena survived an impeachment vote on "
            "Wednesday night, after opposition deputies fell two votes short of the "
            "two-thirds majority needed to remove him from office. The motion, which accused "
            "him of steering a $400 million highway contract to a company linked to his "
            "brother-in-law, received 86 votes in the 130-seat National Congress.",
            "The outcome turned on a handful of deputies from Mr Arriaga’s own "
            "coalition, several of whom had said publicly that they were undecided. Five of "
            "them voted in favour of impeachment and three abstained, a rebellion that "
            "analysts said left the president politically weakened even as he kept his job.",
            "Outside the Congress building in San Lázaro, rival crowds of several thousand "
            "people were kept apart by lines of riot police. There were scuffles as the "
            "result was announced but no serious injuries, according to the city’s "
            "emergency services. Cheers from the president’s supporters carried into the "
            "chamber.",
            "In a short televised address, Mr Arriaga thanked deputies who had “put "
            "stability ahead of theatre” and repeated his denial of any wrongdoing. He "
            "said he would cooperate fully with the separate investigation by the attorney "
            "general’s office, which is expected to report early next year.",
            "“Tonight the constitution worked exactly as it should,” said Valeria "
            "Quintana, a constitutional lawyer at the University of San Lázaro. "
            "“Whether the government works is another matter.” She noted that the "
            "president now faces a legislature in which almost two-thirds of deputies have "
            "voted to remove him, making it hard to pass a budget.",
            "The highway contract at the centre of the case, for a 210-kilometre road linking "
            "the capital with the northern port of Bahía Clara, has been suspended pending "
            "the investigation. The construction firm involved has said the tender was won "
            "fairly and that it will challenge the suspension in court.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Tonight the constitution worked exactly as it should. Whether the government "
                "works is another matter."
            ),
            "attribution": "Valeria Quintana, constitutional lawyer",
        },
        "fact_box": None,
        "image_caption": (
            "Protesters and supporters gather outside the National Congress in San Lázaro as "
            "the vote is counted."
        ),
        "image_credit": "Diego Barrientos / Dateline",
    },
    {
        "section": "world",
        "headline": (
            "Regional measles campaign aims to vaccinate 11 million children in six weeks"
        ),
        "standfirst": (
            "Health ministries across East Africa are launching a coordinated vaccination drive "
            "after outbreaks in three countries, in what officials describe as the largest such "
            "effort in the region in a decade."
        ),
        "dateline": "NAIROBI",
        "authors": ["amara-okonjo"],
        "tags": ["Public health", "Humanitarian aid"],
        "paragraphs": [
            "Health authorities in six East African countries will begin a joint measles "
            "vaccination campaign on Monday, aiming to reach 11.2 million children in six "
            "weeks after outbreaks that have killed more than 400 people since January. The "
            "drive is being coordinated from Nairobi with support from the World Health "
            "Organization and UNICEF.",
            "Measles cases in the region have quadrupled this year, to about 37,000, "
            "according to provisional figures. Officials blame gaps in routine immunisation "
            "that opened during the pandemic, when clinics closed and vaccine deliveries were "
            "disrupted, and the movement of families displaced by drought and conflict.",
            "“Measles finds every gap in a health system,” said Dr Wanjiku Mbeki, "
            "the regional immunisation coordinator. “This campaign is about closing "
            "those gaps before the virus does.” She said the target was to vaccinate at "
            "least 95 percent of eligible children in each district, the level needed to stop "
            "transmission.",
            "The logistics are formidable. The vaccine must be kept between two and eight "
            "degrees Celsius from the moment it leaves the factory. Health ministries have "
            "deployed solar-powered fridges to remote clinics and will use motorbike couriers "
            "and, in some areas, drones to move vaccine from district stores to vaccination "
            "posts.",
            "Teams will also work at border crossings and in refugee settlements, where "
            "children often miss routine doses because their families move frequently. "
            "Officials said a single dose given during the campaign would count regardless of "
            "nationality, and that records would be shared between ministries to avoid gaps.",
            "The campaign is costing about $58 million, most of it already committed by "
            "international donors. Health economists argue that is a bargain: a study "
            "published last year estimated that each dollar spent on measles vaccination in "
            "the region saves around $30 in treatment costs and lost earnings.",
        ],
        "subheading": "Cold chains and motorbikes",
        "pull_quote": None,
        "fact_box": {
            "title": "The campaign",
            "items": [
                "Target: 11.2 million children aged nine months to 14 years",
                "64,000 health workers and volunteers",
                "4,100 vaccination posts, including at border crossings",
                "Measles cases this year: about 37,000, up from 9,000 last year",
            ],
        },
        "image_caption": (
            "A health worker prepares measles vaccines at a clinic on the outskirts of Nairobi."
        ),
        "image_credit": "Grace Wanjiru / Dateline",
    },
    {
        "section": "world",
        "headline": "Tribunal awards disputed Skarholm islet to Estmark, ending decades-old row",
        "standfirst": (
            "International arbitrators ruled that the rocky islet and its lighthouse belong to "
            "Estmark, but granted Korvenian fishermen permanent rights in the surrounding waters."
        ),
        "dateline": "THE HAGUE",
        "authors": ["marta-ibanez"],
        "tags": ["Diplomacy", "Oceans"],
        "paragraphs": [
            "An international arbitration tribunal in The Hague ruled on Thursday that "
            "Skarholm, a rocky islet of less than two hectares topped by a nineteenth-century "
            "lighthouse, belongs to Estmark, settling a dispute with neighbouring Korvenia "
            "that has rumbled on since the 1950s. The five-member tribunal’s decision "
            "was unanimous and cannot be appealed.",
            "The islet itself is of little value. Nobody has lived there since the lighthouse "
            "was automated in 1987. But it sits at the edge of productive fishing grounds "
            "and, under the law of the sea, ownership affects where the maritime boundary "
            "between the two countries is drawn, along with rights to any oil and gas beneath "
            "the seabed.",
            "In a ruling running to 212 pages, the tribunal found that Estmark had exercised "
            "continuous administration of the islet, including maintaining the lighthouse and "
            "registering births of keepers’ children there, since at least 1873. "
            "Korvenia’s claim, based on medieval fishing charters, was described as "
            "“historically interesting but legally insufficient”.",
            "Crucially for Korvenia, the tribunal also ruled that fishermen from its northern "
            "coast have a traditional right to fish within twelve nautical miles of the islet "
            "and must be allowed to continue. “Both governments asked us to draw a "
            "line,” said Judge Ana Beatriz Correia, the presiding arbitrator. “We "
            "have drawn one that people can actually live with.”",
            "Both governments said they would respect the decision. Estmark’s foreign "
            "minister called it “a victory for the rule of law rather than for any "
            "country”, while Korvenia’s fisheries minister said the protection of "
            "fishing rights was “what matters most to the people of our coast”. The "
            "two countries agreed in 2019 to submit the dispute to arbitration.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Both governments asked us to draw a line. We have drawn one that people can "
                "actually live with."
            ),
            "attribution": "Judge Ana Beatriz Correia, presiding arbitrator",
        },
        "fact_box": None,
        "image_caption": (
            "The lighthouse on Skarholm, a rocky islet of less than two hectares, has been "
            "unmanned since 1987."
        ),
        "image_credit": "Elin Haugaard / Dateline",
    },
    {
        "section": "world",
        "headline": "Southern Spanish town opens cooling shelters as temperatures top 45C",
        "standfirst": (
            "Almedina del Río has turned libraries, churches and a shopping centre into "
            "daytime refuges during a heatwave that health officials link to a rise in hospital "
            "admissions among older residents."
        ),
        "dateline": "ALMEDINA DEL RÍO",
        "authors": ["marta-ibanez"],
        "tags": ["Climate", "Public health"],
        "paragraphs": [
            "The town of Almedina del Río in southern Spain has opened 14 air-conditioned "
            "cooling shelters in libraries, churches, sports halls and a shopping centre, as "
            "temperatures passed 45 degrees Celsius for a third consecutive day. The town "
            "council said more than 3,000 people had used the shelters since Sunday, most of "
            "them over the age of seventy.",
            "Hospitals in the province reported a 28 percent rise in emergency admissions for "
            "heat-related illness compared with the same week last year. Doctors said most "
            "patients were older people with heart or kidney conditions who had been alone in "
            "poorly ventilated flats during the hottest part of the day.",
            "“People think heat is uncomfortable,” said Dr Carmen Ordóñez, an "
            "emergency physician at the town’s Hospital San Rafael. “It is not "
            "uncomfortable, it is dangerous, especially if you are eighty and live alone on "
            "the fourth floor.” She urged families to check on elderly relatives at "
            "least twice a day.",
            "The council has also changed working hours for outdoor staff, who now start at "
            "6am and finish by midday, and has closed parks in the afternoon to discourage "
            "people from exercising in the heat. Volunteers from the Red Cross are visiting "
            "about 900 residents identified as vulnerable by social services.",
            "Mayor Inmaculada Reyes said the shelters would stay open until the end of "
            "September and might become permanent. “Ten years ago this would have been "
            "an exceptional measure,” she said. “Now it is part of summer, like the "
            "fiestas.” The town recorded 31 days above 40 degrees last year, up from an "
            "average of nine in the 1990s.",
            "Spain’s state meteorological agency said temperatures would ease slightly "
            "at the weekend but that a new episode of extreme heat was likely in early "
            "August. Farmers’ associations warned that the heat, following a dry spring, "
            "had already damaged olive and almond harvests across the region.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "People think heat is uncomfortable. It is not uncomfortable, it is dangerous, "
                "especially if you are eighty and live alone on the fourth floor."
            ),
            "attribution": "Dr Carmen Ordóñez, emergency physician",
        },
        "fact_box": None,
        "image_caption": (
            "Residents rest in the air-conditioned municipal library in Almedina del Río on "
            "Tuesday afternoon."
        ),
        "image_credit": "Pablo Serrano / Dateline",
    },
    {
        "section": "world",
        "headline": "Tuvora islanders vote to move capital inland as sea levels rise",
        "standfirst": (
            "In a referendum on the small Pacific nation, 71% backed a plan to relocate "
            "government buildings, the hospital and the main school to higher ground over the "
            "next fifteen years."
        ),
        "dateline": "NALEVU",
        "authors": ["amara-okonjo"],
        "tags": ["Climate", "Elections"],
        "paragraphs": [
            "Voters in Tuvora, a Pacific island nation of about 48,000 people, have approved "
            "a plan to move the country’s capital from the coastal town of Nalevu to a "
            "site about three kilometres inland and sixty metres higher, as rising seas and "
            "stronger storms make the current town increasingly hard to protect. The official "
            "count, released on Sunday, showed 71 percent in favour.",
            "The plan will relocate the parliament, government ministries, the national "
            "hospital and the main secondary school over fifteen years. Residents of Nalevu "
            "will not be forced to move, but the government will offer land and building "
            "grants on the new site to those who choose to follow. About 9,000 people "
            "currently live in the town.",
            "“We are not leaving our country,” Prime Minister Semisi Tavake said "
            "after the result. “We are moving up the hill inside it, while we still have "
            "time to choose how.” Flooding from high tides now reaches the parliament "
            "building several times a year, and the hospital’s ground floor was "
            "evacuated twice last year.",
            "The relocation is expected to cost about $410 million, roughly a year and a half "
            "of the country’s national income. The government is seeking grants from "
            "international climate funds and development banks, and has asked larger "
            "neighbours for technical help with planning and construction.",
            "Opponents, who included several church leaders and the owners of many waterfront "
            "businesses, argued that the money would be better spent on stronger sea walls. "
            "Turnout was 82 percent. The new site is on land held by three clans, who agreed "
            "to lease it to the government after two years of negotiations over rent and "
            "access to family graves.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "We are not leaving our country. We are moving up the hill inside it, while we "
                "still have time to choose how."
            ),
            "attribution": "Prime Minister Semisi Tavake",
        },
        "fact_box": {
            "title": "Tuvora",
            "items": [
                "Population: about 48,000 across 31 islands",
                "Highest point on the main island: 62 metres",
                "Sea level near Nalevu has risen about 14 cm since 1993",
                "Relocation cost estimated at $410 million",
            ],
        },
        "image_caption": (
            "Waves break over the sea wall beside the parliament building in Nalevu during a king "
            "tide in February."
        ),
        "image_credit": "Losana Waqa / Dateline",
    },
    {
        "section": "politics",
        "headline": "Budget passes by six votes after late concession on rural bus fares",
        "standfirst": (
            "Finance Minister Owen Tallis secured his spending plan after agreeing to freeze "
            "rural bus fares for two years, winning over a group of wavering backbenchers from "
            "farming constituencies."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe", "priya-raman"],
        "tags": ["Parliament", "Economy"],
        "paragraphs": [
            "The government’s budget passed its final vote in Parliament on Thursday "
            "night by 163 votes to 157, after Finance Minister Owen Tallis agreed to freeze "
            "bus fares on rural routes for two years in a concession to a group of "
            "backbenchers who had threatened to abstain. It was the narrowest budget majority "
            "for more than two decades.",
            "The concession, announced in a letter to members shortly before midnight on "
            "Wednesday, will cost about $140 million a year and will be paid for by delaying "
            "a planned upgrade to government computer systems. Eleven members from rural "
            "constituencies, who had warned that fare rises of up to 15 percent would hit "
            "older voters hardest, said they were satisfied.",
            "“A budget is not a sermon,” Mr Tallis told the chamber as he closed "
            "the debate. “It is a negotiation with arithmetic, and tonight the "
            "arithmetic said yes.” Opposition members jeered, and the Speaker twice "
            "called for order during his speech.",
            "The spending plan raises total public expenditure by 3.8 percent, with the "
            "largest increases going to hospitals, school buildings and defence. It leaves "
            "income tax rates unchanged but extends a freeze on personal allowances, which "
            "the independent Fiscal Council estimates will draw about 300,000 more people "
            "into paying the higher rate by 2027.",
            "Ruth Calloway, leader of the opposition National Union, said the result showed a "
            "government “held together with sticky tape and bus tickets”. She said "
            "her party would have cut the deficit faster and scrapped the planned rise in "
            "fuel duty, which takes effect in April.",
            "Government whips were relieved. Two ministers had been recalled from overseas "
            "trips to vote, and one member who had surgery last week was brought into the "
            "parliamentary estate by car so she could be counted. The Fiscal Council will "
            "publish its full assessment of the budget’s impact on household incomes "
            "next month.",
        ],
        "subheading": "What changed overnight",
        "pull_quote": None,
        "fact_box": {
            "title": "The budget at a glance",
            "items": [
                "Total spending: $412 billion, up 3.8%",
                "Deficit forecast: 2.9% of GDP, down from 3.4%",
                "Rural bus fare freeze costs about $140 million a year",
                "Top income tax rate unchanged at 45%",
            ],
        },
        "image_caption": (
            "Owen Tallis leaves the Treasury for Parliament on budget day, carrying the "
            "traditional red folder."
        ),
        "image_credit": "Simon Ashworth / Dateline",
    },
    {
        "section": "politics",
        "headline": "Greens take Castlemoor West in by-election upset",
        "standfirst": (
            "Nell Ashdown overturned a governing party majority of more than 9,000 in a seat the "
            "Greens have never come close to winning, fuelled by anger over a planned incinerator."
        ),
        "dateline": "CASTLEMOOR",
        "authors": ["daniel-whitcombe"],
        "tags": ["Elections"],
        "paragraphs": [
            "The Green Party won the Castlemoor West by-election in the early hours of "
            "Friday, overturning a governing party majority of 9,300 in a result that stunned "
            "all three main parties. Nell Ashdown, a 38-year-old physiotherapist and town "
            "councillor, took 41.2 percent of the vote, more than double her party’s "
            "share at the last general election.",
            "The campaign was dominated by a proposal to build a waste incinerator on the "
            "edge of the town, which local residents have opposed for three years. The "
            "government’s candidate, Martin Fell, said he supported a review of the "
            "scheme but would not commit to scrapping it. Ms Ashdown made opposing it the "
            "centre of her campaign.",
            "“People here were told the incinerator was a done deal,” she told "
            "supporters at the count. “Tonight they told Harwick that nothing is a done "
            "deal.” Her victory speech was interrupted several times by chants of the "
            "campaign slogan, “Not in our air”.",
            "The Progressive Alliance’s vote fell by 19 points. Party officials blamed a "
            "low turnout and the local nature of the campaign, but several government members "
            "privately said the result reflected wider unease about the cost of living. "
            "“You do not lose a majority of nine thousand over one chimney,” one "
            "minister said.",
            "The result gives the Greens their third seat in Parliament and cuts the "
            "government’s working majority to 14. Political scientists cautioned against "
            "reading too much into it. “By-elections are where voters send messages they "
            "have no intention of repeating at a general election,” said Professor Alan "
            "Mbatha of Harwick University.",
            "The seat was vacated in March when the previous member, Derek Hollins, resigned "
            "to become chief executive of a housing charity. Ms Ashdown is expected to take "
            "her seat on Tuesday. She said her first act would be to request an urgent debate "
            "on the incinerator and to ask the environment minister to visit Castlemoor and "
            "meet the residents who have campaigned against it.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "People here were told the incinerator was a done deal. Tonight they told Harwick "
                "that nothing is a done deal."
            ),
            "attribution": "Nell Ashdown, new member for Castlemoor West",
        },
        "fact_box": {
            "title": "Castlemoor West result",
            "items": [
                "Nell Ashdown (Green): 17,412 (41.2%)",
                "Martin Fell (Progressive Alliance): 13,905 (32.9%)",
                "Sarah Quint (National Union): 8,126 (19.2%)",
                "Others: 2,831 (6.7%)",
                "Turnout: 46.1%",
            ],
        },
        "image_caption": (
            "Nell Ashdown and supporters at the count in Castlemoor Leisure Centre in the early "
            "hours of Friday."
        ),
        "image_credit": "Hannah Price / Dateline",
    },
    {
        "section": "politics",
        "headline": "Data-privacy bill clears committee with new limits on facial recognition",
        "standfirst": (
            "Members of the digital affairs committee voted to require a judge’s warrant "
            "before police can use live facial recognition in public places, one of 37 amendments "
            "to the government’s flagship privacy law."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["Privacy", "AI", "Parliament"],
        "paragraphs": [
            "The government’s Data Protection and Digital Rights Bill has cleared its "
            "committee stage with 37 amendments, including a requirement that police obtain a "
            "judge’s warrant before deploying live facial recognition cameras in public "
            "spaces. The amendment was passed by eight votes to five, with two government "
            "members voting against their own ministers.",
            "The bill, the most significant overhaul of privacy law in fifteen years, gives "
            "people new rights to see and correct data held about them, to opt out of "
            "automated decision-making in areas such as credit and hiring, and to demand the "
            "deletion of data held by companies they no longer use. Fines for serious "
            "breaches rise to four percent of global turnover.",
            "Imogen Castell, the committee’s chair and a government member, said the "
            "warrant requirement was “the single most important change we have "
            "made”. She added: “A camera that can recognise every face in a crowd "
            "changes what it means to walk down a street. That is a decision for Parliament, "
            "not a procurement officer.”",
            "Police chiefs expressed concern. The National Police Council said the warrant "
            "process could make the technology useless in fast-moving situations such as "
            "searches for missing children. Committee members responded by adding an "
            "emergency exemption allowing use for up to 24 hours, provided a judge reviews it "
            "afterwards.",
            "Technology companies broadly welcomed the bill but lobbied against a provision "
            "requiring them to explain in plain language how recommendation algorithms use "
            "personal data. That clause survived unchanged. Digital rights groups said the "
            "bill was a “substantial improvement” but criticised broad exemptions "
            "for national security agencies.",
            "The government has not said whether it will try to reverse the facial "
            "recognition amendment when the bill returns to the full chamber next month. The "
            "Justice Ministry said it would “study the committee’s report "
            "carefully”. Ministers have until the report stage to table their own "
            "amendments, and whips on both sides expect a close vote if the government "
            "decides to restore the original wording.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "A camera that can recognise every face in a crowd changes what it means to walk "
                "down a street. That is a decision for Parliament, not a procurement officer."
            ),
            "attribution": "Imogen Castell, committee chair",
        },
        "fact_box": None,
        "image_caption": (
            "A live facial recognition van parked outside a shopping centre in Brenford during a "
            "police trial last year."
        ),
        "image_credit": "Simon Ashworth / Dateline",
    },
    {
        "section": "politics",
        "headline": "Housing minister resigns over undeclared meeting with developer",
        "standfirst": (
            "Gareth Poole quit hours after it emerged that he had met the chief executive of a "
            "property company while a planning appeal involving the firm was on his desk."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["Housing", "Parliament"],
        "paragraphs": [
            "Housing Minister Gareth Poole resigned on Wednesday evening, hours after it was "
            "reported that he had dined privately with the chief executive of Redfern Homes "
            "in February while the company’s appeal against a refusal of planning "
            "permission for 1,200 homes was awaiting his decision. He is the third minister "
            "to leave the government this year.",
            "In his resignation letter, Mr Poole said the meal had been “a social "
            "occasion with an old university friend” and that the appeal had not been "
            "discussed. “I did not discuss the appeal, but I should have declared the "
            "meeting and I did not,” he wrote. “That is on me.” He said he "
            "would remain a member of Parliament.",
            "The appeal concerned a large housing development on farmland near the town of "
            "Ashby Cross, which the local council rejected on grounds of flood risk and "
            "traffic. Mr Poole approved it in April, overruling a planning inspector who had "
            "recommended refusal. Residents’ groups said they would now seek a judicial "
            "review.",
            "Prime Minister Helena Marsh accepted the resignation and said the ministerial "
            "code “applies to everyone, including those who have done good work”. "
            "Mr Poole had been credited with increasing the number of new homes approved last "
            "year to its highest level since 2007.",
            "The opposition called for an independent inquiry into all planning decisions Mr "
            "Poole had made. Redfern Homes said its chief executive had “a longstanding "
            "personal friendship” with the former minister and had acted properly. Mr "
            "Poole is replaced by Anjali Desai, currently a junior minister at the Treasury.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "I did not discuss the appeal, but I should have declared the meeting and I did "
                "not. That is on me."
            ),
            "attribution": "Gareth Poole, in his resignation letter",
        },
        "fact_box": None,
        "image_caption": (
            "Gareth Poole leaves the Housing Ministry on Wednesday evening after submitting his "
            "resignation."
        ),
        "image_credit": "Hannah Price / Dateline",
    },
    {
        "section": "politics",
        "headline": "Cross-party commission recommends lowering voting age to 16",
        "standfirst": (
            "A year-long review of electoral law says 16 and 17-year-olds should be able to vote "
            "in all elections, setting up a difficult decision for a government that is divided "
            "on the idea."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["Elections", "Parliament"],
        "paragraphs": [
            "An independent cross-party commission on electoral reform has recommended "
            "lowering the voting age to 16 for all national and local elections, concluding "
            "that early voting habits last a lifetime and that younger citizens are "
            "“more than capable” of informed political choices. The report was "
            "published on Monday after twelve months of hearings.",
            "The commission, chaired by the former Speaker, Baroness Joan Whitlow, included "
            "members from all four main parties. Its recommendation was supported by nine of "
            "its twelve members. Three National Union members signed a minority report "
            "arguing the change should wait until compulsory civic education had been "
            "introduced in secondary schools.",
            "“We ask sixteen-year-olds to pay tax on their wages,” Baroness Whitlow "
            "said at the report’s launch. “It is hard to explain why we should not "
            "ask for their vote.” The commission cited research showing that people who "
            "vote in the first election for which they are eligible are much more likely to "
            "keep voting.",
            "The change would add about 520,000 people to the electoral roll. The report also "
            "recommended automatic voter registration when people receive a national "
            "insurance number, and a trial of voting on Saturdays as well as weekdays. Both "
            "proposals, the commission said, would do more to raise turnout than any "
            "advertising campaign.",
            "The government, which commissioned the review, is split. Several senior "
            "ministers have said publicly they support votes at 16, but others worry it would "
            "be seen as an attempt to gain an electoral advantage, since polling suggests "
            "younger voters lean towards the Progressive Alliance and the Greens. A spokesman "
            "said ministers would respond “in due course”.",
            "Youth organisations welcomed the report. “We have been making this argument "
            "since before most of our members were born,” said Kemi Adebayo, 17, of the "
            "campaign group Voice at Sixteen. “Now the grown-ups agree with us.” "
            "The group plans to lobby every member of Parliament before the summer recess and "
            "will hold a rally outside the parliament building in Harwick next month.",
        ],
        "subheading": "",
        "pull_quote": None,
        "fact_box": {
            "title": "Votes at 16: the arguments",
            "items": [
                "About 520,000 people would be added to the electoral roll",
                "Already used in local elections in several countries",
                "Commission found turnout habits form early",
                "Critics say civic education should come first",
            ],
        },
        "image_caption": (
            "Sixth-form students take part in a mock election at a school in Port Ellery."
        ),
        "image_credit": "Hannah Price / Dateline",
    },
    {
        "section": "politics",
        "headline": "Port Ellery to hold referendum on congestion charge in city centre",
        "standfirst": (
            "Residents will vote in November on a plan to charge drivers $8 a day to enter the "
            "historic centre, in a contest that has split the city council and its business "
            "community."
        ),
        "dateline": "PORT ELLERY",
        "authors": ["daniel-whitcombe"],
        "tags": ["Transport", "Elections"],
        "paragraphs": [
            "Voters in Port Ellery will decide in a referendum on November 14 whether to "
            "introduce a daily charge for driving into the city centre, after the city "
            "council narrowly approved the plan on Tuesday night. The charge, set at $8 a day "
            "on weekdays, would apply inside a zone bounded by the inner ring road and the "
            "harbour.",
            "Mayor Tomás Rivera-Holt, who proposed the scheme, says it would cut traffic "
            "in the centre by about a fifth and raise around $60 million a year for buses and "
            "cycle lanes. “We can argue about the price,” he said, “but nobody "
            "who sits in that traffic every morning thinks the status quo is working.”",
            "The plan has divided the city’s business community. The Chamber of Commerce "
            "supports it, citing studies showing that shoppers on foot and on buses spend "
            "more over a month than those arriving by car. The association representing "
            "independent shops in the old town opposes it, warning that customers will drive "
            "to out-of-town retail parks instead.",
            "Councillors voted 27 to 24 to hold the referendum, with several members from the "
            "mayor’s own party voting against. Opponents said a city-wide vote was the "
            "only fair way to settle a question that had been debated for almost a decade. "
            "The result will be binding on the council.",
            "Polling commissioned by the local Ellery Evening Post last month found 44 "
            "percent of residents in favour, 46 percent against and 10 percent undecided. "
            "Support was highest among residents of the inner city and lowest in the outer "
            "suburbs, where bus services are less frequent.",
            "Exemptions would apply to residents living inside the zone, disabled drivers, "
            "emergency vehicles and registered carers. If approved, the charge would begin in "
            "the spring of 2026, after a year of upgrades to the city’s bus network. The "
            "council has promised that every resident in the outer suburbs will live within "
            "ten minutes’ walk of a bus running at least every fifteen minutes.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "We can argue about the price, but nobody who sits in that traffic every morning "
                "thinks the status quo is working."
            ),
            "attribution": "Mayor Tomás Rivera-Holt",
        },
        "fact_box": None,
        "image_caption": (
            "Traffic queues on Harbour Road in Port Ellery during the morning rush hour."
        ),
        "image_credit": "Nadia Osei / Dateline",
    },
    {
        "section": "politics",
        "headline": "Supreme Court strikes down new electoral map for three provinces",
        "standfirst": (
            "Judges ruled that the boundaries drawn last year breached the principle of equal "
            "representation, ordering the Boundary Commission to redraw 22 constituencies before "
            "the next general election."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["Elections", "Parliament"],
        "paragraphs": [
            "The Supreme Court ruled on Friday that new parliamentary boundaries for three "
            "northern provinces were unlawful, because the number of voters in the largest "
            "and smallest constituencies differed by more than the legal limit. The Boundary "
            "Commission has been ordered to redraw 22 constituencies within six months.",
            "The case was brought by a coalition of voters’ associations, who argued "
            "that the commission had kept several rural seats artificially small to preserve "
            "historic county boundaries. Under electoral law, each constituency must contain "
            "within five percent of the national average number of voters, except in a "
            "handful of island seats.",
            "“The right to vote includes the right to have that vote weigh roughly the "
            "same as your neighbour’s,” Chief Justice Miriam Oduya wrote for a "
            "unanimous seven-member court. She said the commission’s wish to respect "
            "local identity was understandable but could not override the law passed by "
            "Parliament.",
            "The ruling is a setback for the government, whose members hold 15 of the 22 "
            "affected seats, though analysts disagreed about its likely effect on the next "
            "election. “Some of these changes help the governing party and some hurt "
            "it,” said electoral geographer Dr Fiona Marsh. “The honest answer is "
            "that nobody knows until the maps are drawn.”",
            "The Boundary Commission said it would begin work immediately and publish draft "
            "proposals for public consultation by early autumn. The next general election "
            "must take place no later than May 2027. Ministers said they respected the "
            "court’s judgment and had no plans to change the law.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "The right to vote includes the right to have that vote weigh roughly the same as "
                "your neighbour’s."
            ),
            "attribution": "Chief Justice Miriam Oduya",
        },
        "fact_box": None,
        "image_caption": (
            "The Supreme Court building in Harwick on the morning the judgment was delivered."
        ),
        "image_credit": "Simon Ashworth / Dateline",
    },
    {
        "section": "politics",
        "headline": "Two candidates make final ballot in National Union leadership race",
        "standfirst": (
            "Former defence minister Charles Ainsworth and first-term member Priyanka Shah will "
            "compete in a vote of party members to succeed Ruth Calloway, who is stepping down "
            "after four years."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["Elections", "Parliament"],
        "paragraphs": [
            "The National Union’s members of Parliament have chosen Charles Ainsworth "
            "and Priyanka Shah as the two finalists in the contest to lead the main "
            "opposition party, setting up a summer-long campaign that pits one of the "
            "party’s most experienced figures against a relative newcomer. Party members "
            "will vote by post and online, with the result announced on September 3.",
            "Mr Ainsworth, 61, served as defence minister in the last National Union "
            "government and has the support of most of the shadow cabinet. He has promised a "
            "focus on economic competence and national security, and said he would rebuild "
            "the party’s standing with business leaders after what he called “four "
            "years of shouting at the weather”.",
            "Ms Shah, 39, was elected only three years ago but has built a following among "
            "younger members with her campaign for housebuilding and a simpler tax system. "
            "“We do not need a new leader who sounds like the old government,” she "
            "said at her launch. “We need one who sounds like the next one.”",
            "In the final round of voting among MPs, Mr Ainsworth received 61 votes and Ms "
            "Shah 44. A third candidate, the former education spokesman Robert Lyle, was "
            "eliminated with 29. Mr Lyle has not yet said which of the finalists he will "
            "support.",
            "Ruth Calloway announced her resignation in June after the party’s poor "
            "results in local elections. She will remain leader until the new leader is "
            "chosen. The party has about 148,000 members, according to its latest published "
            "accounts, up from 120,000 two years ago.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "We do not need a new leader who sounds like the old government. We need one who "
                "sounds like the next one."
            ),
            "attribution": "Priyanka Shah, leadership candidate",
        },
        "fact_box": None,
        "image_caption": (
            "Charles Ainsworth and Priyanka Shah before a televised hustings in Brenford."
        ),
        "image_credit": "Hannah Price / Dateline",
    },
    {
        "section": "politics",
        "headline": "Ethics watchdog finds lobbying register missing a third of meetings",
        "standfirst": (
            "The Standards Commissioner says ministers and officials failed to record hundreds of "
            "meetings with lobbyists last year, and is calling for fines for repeated omissions."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["Parliament"],
        "paragraphs": [
            "About a third of meetings between ministers and professional lobbyists last year "
            "were never recorded in the official transparency register, according to a report "
            "by the Standards Commissioner published on Tuesday. The commissioner, Eleanor "
            "Vance, said the gaps were “not clerical slips but a culture of "
            "indifference”.",
            "Her office compared the register with diaries, emails and visitor logs obtained "
            "from twelve government departments. It found 1,140 meetings with registered "
            "lobbyists, of which 386 did not appear in the public record. The Transport and "
            "Energy ministries had the highest rates of omission, at 47 and 41 percent "
            "respectively.",
            "“A register that records two-thirds of the truth is not a register,” "
            "Ms Vance told reporters. “It is a press release.” She recommended that "
            "departments face fines for repeated failures and that the register include the "
            "subject of each meeting, which at present is often described only as "
            "“general discussion”.",
            "The report did not find evidence that any decision had been improperly "
            "influenced. But it said the missing entries made it impossible for the public to "
            "judge. It noted that several unrecorded meetings took place shortly before "
            "changes to energy subsidies and rail contracts.",
            "The Cabinet Office said it accepted the findings and would issue new guidance to "
            "all departments within a month. Transparency campaigners said guidance was not "
            "enough. “We have had guidance for ten years,” said Amir Qureshi of the "
            "campaign group Open Government Now. “What we have never had is "
            "consequences.”",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "A register that records two-thirds of the truth is not a register. It is a press "
                "release."
            ),
            "attribution": "Eleanor Vance, Standards Commissioner",
        },
        "fact_box": None,
        "image_caption": (
            "The Standards Commission’s annual report is presented at a press conference in "
            "Harwick."
        ),
        "image_credit": "Simon Ashworth / Dateline",
    },
    {
        "section": "politics",
        "headline": "Defence review promises new patrol ships but cuts army headcount",
        "standfirst": (
            "The government’s five-year strategic review shifts money towards the navy, "
            "cyber security and air defence, while reducing the regular army by 4,000 posts "
            "through retirements."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["Parliament", "Economy"],
        "paragraphs": [
            "The government on Wednesday published its long-awaited strategic defence review, "
            "committing to six new offshore patrol ships, an expanded air defence system and "
            "a cyber command with 1,200 staff, while reducing the size of the regular army by "
            "4,000 posts over five years. Defence spending will rise to 2.4 percent of "
            "national income by 2029.",
            "Defence Minister Rachel Okafor told Parliament that the country’s armed "
            "forces had been designed for a world that no longer existed. “Soldiers will "
            "always matter,” she said. “But the threats we face today arrive by "
            "sea, by air and through cables.” She pointed to incidents last year in "
            "which undersea data cables were damaged off the northern coast.",
            "The patrol ships will be built at the Port Ellery shipyard, securing about 1,500 "
            "jobs for a decade, the government said. The contract is expected to be signed in "
            "the spring. Unions at the yard welcomed the decision, which follows two years of "
            "uncertainty about its future.",
            "The army reductions will be made through natural turnover rather than "
            "redundancies, officials said, and two infantry battalions will be merged. "
            "Several retired generals criticised the cuts, arguing that recent conflicts had "
            "shown the importance of large ground forces that can be sustained over long "
            "periods.",
            "The opposition said the spending increase was welcome but too slow. The "
            "independent Fiscal Council estimates the review will cost about $6.2 billion "
            "more over five years than current plans, and has questioned whether the money "
            "can be found without tax rises or cuts to other departments.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Soldiers will always matter. But the threats we face today arrive by sea, by air "
                "and through cables."
            ),
            "attribution": "Defence Minister Rachel Okafor",
        },
        "fact_box": {
            "title": "The defence review",
            "items": [
                "Defence spending to rise to 2.4% of GDP by 2029",
                "Six new offshore patrol ships, built at Port Ellery",
                "Regular army reduced from 78,000 to 74,000",
                "A new cyber command with 1,200 staff",
            ],
        },
        "image_caption": (
            "The offshore patrol vessel Resolute returns to Port Ellery after a North Atlantic "
            "deployment."
        ),
        "image_credit": "Nadia Osei / Dateline",
    },
    {
        "section": "politics",
        "headline": (
            "Seasonal worker visa scheme expanded to 45,000 places after farm labour shortages"
        ),
        "standfirst": (
            "Growers welcomed the increase but unions warned that workers on the scheme still "
            "face high recruitment fees and poor housing on some farms."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["Migration", "Labour"],
        "paragraphs": [
            "The government will expand its seasonal agricultural worker visa scheme from "
            "30,000 to 45,000 places next year, Home Affairs Minister David Okoro announced "
            "on Monday, after growers reported that thousands of tonnes of fruit and "
            "vegetables were left unharvested last summer because of labour shortages.",
            "The National Growers Association estimated that crops worth about $90 million "
            "were lost last year. “Fruit does not wait for a visa application to be "
            "processed,” said Helen Marsden, the association’s president. “It "
            "rots.” She said the expansion was welcome but should be confirmed for "
            "several years so that farms could plan.",
            "The scheme allows workers from abroad to take jobs on farms for up to six "
            "months. Mr Okoro said new rules would ban recruitment agencies from charging "
            "workers fees, require farms to provide housing that meets a national standard "
            "and give workers the right to change employer if they are mistreated.",
            "The Agricultural Workers Union said the changes were overdue. A report by the "
            "union last year found that some workers had paid agents more than $3,000 to "
            "secure a place and arrived already in debt. “The new rules are good on "
            "paper,” said union organiser Luis Ferreira. “We will judge them by "
            "inspections.”",
            "The announcement drew criticism from some members of the governing party, who "
            "argued that farms should raise wages to attract local workers. The minister said "
            "the government would fund a pilot programme offering travel and accommodation "
            "allowances to unemployed people who take seasonal farm work.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": "Fruit does not wait for a visa application to be processed. It rots.",
            "attribution": "Helen Marsden, National Growers Association",
        },
        "fact_box": None,
        "image_caption": "Seasonal workers pick strawberries on a farm near Castlemoor in June.",
        "image_credit": "Hannah Price / Dateline",
    },
    {
        "section": "politics",
        "headline": "Government to publish register of algorithms used in public services",
        "standfirst": (
            "Every department will have to list the automated systems that help decide benefits, "
            "inspections and school places, under plans unveiled by the digital minister."
        ),
        "dateline": "HARWICK",
        "authors": ["daniel-whitcombe"],
        "tags": ["AI", "Technology", "Privacy"],
        "paragraphs": [
            "Government departments will be required to publish details of every algorithm "
            "and artificial intelligence system that helps make decisions about individuals, "
            "under plans announced on Thursday by Digital Minister Samuel Achebe. The public "
            "register, to be launched in January, will cover systems used for benefits, tax, "
            "immigration, school admissions and safety inspections.",
            "Each entry will describe what the system does, what data it uses, who is "
            "responsible for it and what human checks are in place. Departments will also "
            "have to publish the results of any testing for bias. Systems used for national "
            "security and the prevention of serious crime will be exempt.",
            "“If a computer helped decide whether your benefit was stopped, you have a "
            "right to know that, and to know roughly how,” Mr Achebe said at a "
            "technology conference in Harwick. He said public trust in digital services "
            "depended on openness, and that the register would “make officials think "
            "twice before buying something they cannot explain”.",
            "The announcement follows controversy last year over an automated tool used to "
            "flag benefit claims for fraud investigation. An internal review found that it "
            "had selected claimants in some postcodes at three times the rate of others, and "
            "the system was withdrawn in March. About 2,000 people had their payments "
            "suspended while they were investigated.",
            "Campaigners welcomed the register but said it should be backed by law. At "
            "present, the plan relies on guidance to departments. Mr Achebe said legislation "
            "would follow “if departments do not comply voluntarily”, and that "
            "compliance would be reviewed after a year.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "If a computer helped decide whether your benefit was stopped, you have a right "
                "to know that, and to know roughly how."
            ),
            "attribution": "Digital Minister Samuel Achebe",
        },
        "fact_box": None,
        "image_caption": (
            "Staff at a benefits processing centre in Brenford, where an automated fraud-risk "
            "tool was trialled."
        ),
        "image_credit": "Simon Ashworth / Dateline",
    },
    {
        "section": "business",
        "headline": "Reserve Bank holds rates at 4.25% but signals cut may come in autumn",
        "standfirst": (
            "Governor Margaret Kwan said inflation was falling “broadly as expected” "
            "and that the committee would be ready to ease policy if wage growth continued to "
            "slow."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman"],
        "tags": ["Central banks", "Economy"],
        "paragraphs": [
            "The Reserve Bank kept its policy interest rate at 4.25 percent on Thursday for "
            "the fifth consecutive meeting, but gave its clearest signal yet that borrowing "
            "costs could start to fall in the autumn. Three of the nine members of the "
            "monetary policy committee voted for an immediate cut of a quarter of a "
            "percentage point.",
            "Governor Margaret Kwan said inflation, which peaked at 9.1 percent two years "
            "ago, was falling “broadly as expected” and would return close to the "
            "bank’s 2 percent target next year. “We are not in a hurry, but we are "
            "not standing still,” she told a press conference. “The direction of "
            "travel is clearer than it was in the spring.”",
            "The bank’s main concern remains the labour market. Average pay is rising at "
            "about 5.2 percent a year, which the bank regards as too fast to be consistent "
            "with its target. Ms Kwan said the committee wanted to see “a few more "
            "months of evidence” that wage growth was slowing, particularly in services.",
            "The minutes showed that the three members who voted for a cut, including deputy "
            "governor Tomasz Nowicki, were worried that keeping rates high for too long could "
            "cause unnecessary damage to businesses and households. The bank cut its forecast "
            "for economic growth this year to 0.8 percent, from 1.1 percent in its previous "
            "report.",
            "Financial markets had expected the decision but moved on the tone of the "
            "statement. The currency fell by about half a percent against the dollar, and "
            "yields on two-year government bonds dropped to their lowest level since January. "
            "Traders now put the chance of a cut in September at roughly 70 percent.",
            "Mortgage lenders said fixed rates had already begun to edge down in "
            "anticipation. “Borrowers coming off cheap fixed deals are still facing a "
            "big jump,” said Caroline Hughes of the Mortgage Lenders Council, “but "
            "the jump is getting smaller every month.”",
        ],
        "subheading": "Split on the committee",
        "pull_quote": None,
        "fact_box": {
            "title": "The decision",
            "items": [
                "Policy rate held at 4.25% for a fifth meeting",
                "Vote: 6-3, with three members favouring a cut to 4.0%",
                "Inflation forecast: 2.4% by the end of next year",
                "Growth forecast for this year cut from 1.1% to 0.8%",
            ],
        },
        "image_caption": (
            "Governor Margaret Kwan at the Reserve Bank’s press conference on Thursday."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "business",
        "headline": "Port Ellery dock workers begin 72-hour strike over automation plans",
        "standfirst": (
            "About 2,800 workers walked out at the country’s busiest container port, halting "
            "most cargo handling and leaving dozens of ships waiting offshore."
        ),
        "dateline": "PORT ELLERY",
        "authors": ["priya-raman"],
        "tags": ["Labour", "Trade", "Transport"],
        "paragraphs": [
            "Dock workers at Port Ellery began a 72-hour strike at 6am on Monday, bringing "
            "container handling at the country’s largest port almost to a standstill. By "
            "midday, 31 ships were anchored in the bay waiting to unload, according to port "
            "tracking data, and freight companies were diverting some cargo to smaller ports "
            "along the coast.",
            "The dispute centres on the port operator’s plan to introduce "
            "remote-controlled cranes and automated vehicles at its Northquay terminal over "
            "the next three years. Ellery Port Holdings says the investment, worth about $600 "
            "million, is needed to compete with rival ports and will not lead to compulsory "
            "redundancies.",
            "The union says the company has refused to guarantee jobs beyond 2027 or to "
            "negotiate over retraining. “Nobody here is against machines,” said "
            "Frank Delaney, secretary of the dockers’ branch. “We are against "
            "machines being used as an excuse to tear up twenty years of agreements.” "
            "Workers voted for the strike by 87 percent on a turnout of 79 percent.",
            "Ellery Port Holdings chief executive Ingrid Solheim said the company had offered "
            "a pay rise of 6 percent and a no-redundancy pledge for three years. “We "
            "have been clear that automation means different jobs, not fewer jobs,” she "
            "said. “I regret that the union has chosen to strike while talks were still "
            "possible.”",
            "Retailers warned that a prolonged dispute could cause shortages of some goods "
            "before the autumn, when imports of clothing, toys and electronics usually peak. "
            "The port handles about 38 percent of the country’s container trade. The "
            "union has said further strikes are possible if there is no agreement within a "
            "fortnight.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Nobody here is against machines. We are against machines being used as an excuse "
                "to tear up twenty years of agreements."
            ),
            "attribution": "Frank Delaney, dockers’ union branch secretary",
        },
        "fact_box": {
            "title": "Port Ellery in numbers",
            "items": [
                "Handles about 38% of the country’s container trade",
                "2.1 million containers a year",
                "2,800 dock workers employed across three terminals",
                "Automation plan: 14 remote-controlled cranes by 2027",
            ],
        },
        "image_caption": (
            "Idle cranes at the Northquay container terminal in Port Ellery on the first morning "
            "of the strike."
        ),
        "image_credit": "Nadia Osei / Dateline",
    },
    {
        "section": "business",
        "headline": "Veridian picks Brenford for $3.4bn chip plant, creating 1,900 jobs",
        "standfirst": (
            "The semiconductor maker chose the former steel town over sites in two other "
            "countries after the government offered $620 million in support and a fast-tracked "
            "planning process."
        ),
        "dateline": "BRENFORD",
        "authors": ["priya-raman"],
        "tags": ["Technology", "Economy"],
        "paragraphs": [
            "Veridian Semiconductor will build a $3.4 billion chip factory on the site of a "
            "former steelworks in Brenford, the company announced on Tuesday, in the largest "
            "single manufacturing investment in the country for more than a decade. The plant "
            "is expected to employ 1,900 people when it reaches full production in 2028.",
            "The factory will make power chips used in electric vehicles, wind turbines and "
            "industrial machinery, rather than the cutting-edge processors found in "
            "smartphones. Veridian’s chief executive, Lars Eriksen, said demand for "
            "these components was growing by about 15 percent a year and that customers "
            "wanted supply chains closer to home.",
            "The government is contributing $620 million in grants and tax credits, and "
            "promised to complete planning approval within nine months. Industry Minister "
            "Keisha Mendez said the investment would “put this country back on the map "
            "for advanced manufacturing”. Officials confirmed that Veridian had also "
            "considered sites in two other European countries.",
            "In Brenford, where the steelworks closed in 2004 with the loss of 4,000 jobs, "
            "the news was greeted with cautious optimism. “Twenty years ago this town "
            "made steel for bridges,” said Mayor Janet Okwuosa. “Now it is going to "
            "make the chips that run the cars that drive over them.” She said the "
            "council would work with colleges to train local people.",
            "Economists said the subsidy was large but not unusual by international "
            "standards. “Every major economy is paying companies to build chip "
            "plants,” said Dr Ravi Sundaram of the Institute for Industrial Policy. "
            "“The question is whether the jobs and skills stick around when the subsidy "
            "runs out.”",
            "Construction is due to begin early next year. The plant will need about 8 "
            "million litres of water a day, and environmental groups have asked for details "
            "of how that will be supplied in a region that has faced summer water "
            "restrictions.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Twenty years ago this town made steel for bridges. Now it is going to make the "
                "chips that run the cars that drive over them."
            ),
            "attribution": "Mayor Janet Okwuosa",
        },
        "fact_box": None,
        "image_caption": (
            "The former Ironbridge steelworks site in Brenford, where the Veridian plant will be "
            "built."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "business",
        "headline": "Competition regulator blocks FreshWay takeover of Gallagher’s supermarkets",
        "standfirst": (
            "The Competition Authority said the $2.1bn deal would have left shoppers in 140 towns "
            "with fewer choices and higher prices, in a rare outright prohibition."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman"],
        "tags": ["Economy", "Trade"],
        "paragraphs": [
            "The Competition Authority has blocked FreshWay’s proposed $2.1 billion "
            "takeover of rival supermarket chain Gallagher’s, ruling that the deal would "
            "reduce competition in 140 local markets and lead to higher prices for shoppers. "
            "It is the first time in eight years the regulator has prohibited a merger "
            "outright rather than approving it with conditions.",
            "FreshWay, the second-largest grocer in the country, had offered to sell 60 "
            "stores to address concerns. The authority said this was not enough. Its "
            "investigation found that in many smaller towns FreshWay and Gallagher’s "
            "were the only two large supermarkets, and that prices were on average 4 percent "
            "lower where both were present.",
            "“In too many towns, this merger would have turned two supermarkets "
            "competing on price into one supermarket with no reason to,” said Anna "
            "Berglund, the authority’s chair. She said grocery prices had risen by 23 "
            "percent over three years and that households could not afford weaker competition.",
            "FreshWay said it was “deeply disappointed” and would consider an "
            "appeal to the Competition Appeal Tribunal. Chief executive Mark Dunleavy said "
            "the combined company would have been able to negotiate lower prices from "
            "suppliers and pass savings on to customers. Shares in FreshWay fell 6 percent on "
            "the news.",
            "Gallagher’s, a family-founded chain with 312 stores, has struggled with "
            "falling profits and high debts. Its chair, Siobhán Gallagher, said the board "
            "would “explore all options”, which analysts said could include a sale "
            "to a private equity firm. Unions representing Gallagher’s 24,000 staff "
            "welcomed the decision.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "In too many towns, this merger would have turned two supermarkets competing on "
                "price into one supermarket with no reason to."
            ),
            "attribution": "Anna Berglund, chair of the Competition Authority",
        },
        "fact_box": None,
        "image_caption": (
            "A Gallagher’s supermarket in Castlemoor, one of 312 stores that would have "
            "changed hands."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "business",
        "headline": "Skylark Air rescued by investor consortium as 40 routes are cut",
        "standfirst": (
            "The regional airline, which collapsed into administration last month, will keep "
            "flying under new ownership, but passengers on almost half of its routes will need to "
            "find other options."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman"],
        "tags": ["Transport", "Economy"],
        "paragraphs": [
            "Skylark Air, the regional airline that collapsed into administration in May, has "
            "been bought by a consortium of investors led by the aviation fund Northwind "
            "Capital, securing about 1,100 of its 1,800 jobs. The new owners will keep 46 "
            "routes but drop 40, mainly thinly used links between smaller regional airports.",
            "The administrators, Grayson Price, said the deal was the only one of four bids "
            "that would keep the airline operating as a single business. “This is a "
            "smaller airline, but it is an airline,” said administrator Sunita Maharaj. "
            "“A month ago, nobody was sure we would have one at all.” The purchase "
            "price was not disclosed.",
            "Skylark’s collapse followed years of losses, worsened by higher fuel costs "
            "and the failure of a plan to replace its ageing turboprop fleet. About 30,000 "
            "passengers had their flights cancelled in the first week of administration, and "
            "the government organised additional ferry and rail services to several island "
            "communities.",
            "Passengers holding tickets for cancelled routes will receive refunds through the "
            "airline protection scheme. Routes to the northern islands and the link between "
            "Harwick and Port Ellery are among those that will continue, but services to four "
            "smaller mainland airports will stop at the end of August.",
            "Local leaders in the affected towns said the cuts would hurt tourism and "
            "business travel. The government said it was considering whether to subsidise "
            "some of the routes as public service obligations, a system already used for "
            "flights to the most remote islands.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "This is a smaller airline, but it is an airline. A month ago, nobody was sure we "
                "would have one at all."
            ),
            "attribution": "Sunita Maharaj, administrator at Grayson Price",
        },
        "fact_box": None,
        "image_caption": (
            "Skylark Air turboprops parked at Harwick’s regional terminal during the "
            "administration."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "business",
        "headline": "Offshore wind auction clears at record low price",
        "standfirst": (
            "Developers will build 4.2 gigawatts of new wind farms in the northern sea after "
            "bidding prices about a fifth below last year, easing concerns that rising costs had "
            "stalled the industry."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman", "soren-vedel"],
        "tags": ["Energy", "Climate"],
        "paragraphs": [
            "Developers have won contracts to build five new offshore wind farms with a "
            "combined capacity of 4.2 gigawatts, at an average guaranteed price of $58 per "
            "megawatt hour, the Energy Ministry announced on Friday. The price is about 21 "
            "percent lower than last year’s auction and the lowest ever recorded in the "
            "country.",
            "The result is a relief for the government, whose previous auction attracted no "
            "bids for offshore wind after developers said the maximum price on offer did not "
            "cover rising costs for steel, turbines and borrowing. The ministry raised the "
            "ceiling this year and changed the rules to share some of the risk of cost "
            "overruns.",
            "“Two years ago people were asking whether offshore wind had peaked,” "
            "said Dr Helga Moen, an energy economist at the Northern Institute of Technology. "
            "“Today’s prices are a fairly clear answer.” She said falling "
            "interest rates and larger turbines, some now taller than 250 metres, had made "
            "projects cheaper to finance and build.",
            "The contracts guarantee the developers a fixed price for electricity for 20 "
            "years. If market prices are higher, developers pay the difference back; if "
            "lower, they receive a top-up funded through electricity bills. Analysts said the "
            "new farms were likely to reduce household bills over the life of the contracts.",
            "The largest project, the 1.4 gigawatt Fenwick Bank scheme, will be built by a "
            "joint venture including a Danish developer and the national pension fund. "
            "Fishing groups have raised concerns about the loss of access to fishing grounds "
            "and have asked for compensation arrangements to be agreed before construction "
            "starts.",
        ],
        "subheading": "",
        "pull_quote": None,
        "fact_box": {
            "title": "Auction results",
            "items": [
                "Capacity awarded: 4.2 GW across five projects",
                "Average strike price: $58 per megawatt hour",
                "Enough to power about 4.5 million homes",
                "First turbines due to turn in 2029",
            ],
        },
        "image_caption": (
            "Turbines at the Northbank wind farm, about 40 kilometres off the northern coast."
        ),
        "image_credit": "Kristian Lund / Dateline",
    },
    {
        "section": "business",
        "headline": "Inflation falls to 2.6%, its lowest level in three years",
        "standfirst": (
            "Cheaper fuel and a slowdown in food prices pulled the annual rate down from 3.1% in "
            "May, though services inflation remains stubbornly high."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman"],
        "tags": ["Economy", "Central banks"],
        "paragraphs": [
            "Consumer price inflation fell to 2.6 percent in June, from 3.1 percent in May, "
            "official figures showed on Wednesday, the lowest annual rate since the spring "
            "three years ago. Economists polled beforehand had expected a smaller fall, to "
            "2.9 percent. The figure strengthens the case for an interest rate cut by the "
            "Reserve Bank later this year.",
            "The biggest downward pressure came from fuel, with petrol prices falling by 6 "
            "percent over the year. Food inflation slowed to 2.1 percent, compared with "
            "almost 19 percent at its peak, as the prices of bread, dairy products and "
            "vegetables stabilised. Clothing and furniture prices also fell in the month.",
            "Services inflation, which covers items such as rents, restaurant meals, haircuts "
            "and insurance, fell only slightly, to 5.0 percent. “The headline is good "
            "news,” said Erik Thorsen, chief economist at Harbour Bank. “Underneath "
            "it, services are still running hot, and that is what the central bank will be "
            "watching.”",
            "Finance Minister Owen Tallis welcomed the figures, saying the government’s "
            "plan was “working for families”. The opposition pointed out that "
            "prices were still about 22 percent higher than three years ago, and that many "
            "households had yet to see their incomes catch up.",
            "The statistics office said rents rose 7.4 percent over the year, the fastest "
            "rate since its records began in 2006. Housing charities said rising rents were "
            "pushing more low-income families into arrears, and called for the government to "
            "increase housing benefit in line with local rents.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "The headline is good news. Underneath it, services are still running hot, and "
                "that is what the central bank will be watching."
            ),
            "attribution": "Erik Thorsen, chief economist at Harbour Bank",
        },
        "fact_box": None,
        "image_caption": (
            "Shoppers at the covered market in Harwick, where food price rises have slowed."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "business",
        "headline": "Payments start-up Ledgerly soars on stock market debut",
        "standfirst": (
            "Shares in the Harwick-based fintech rose 38% on their first day of trading, valuing "
            "the company at $2.8bn and giving the local exchange its biggest listing in four "
            "years."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman"],
        "tags": ["Technology", "Economy"],
        "paragraphs": [
            "Shares in Ledgerly, a Harwick-based company that provides payment and invoicing "
            "software for small businesses, rose 38 percent on their first day of trading on "
            "Wednesday. The shares closed at $24.80, against an offer price of $18, valuing "
            "the company at about $2.8 billion.",
            "The listing raised $410 million and is the largest on the Harwick Stock Exchange "
            "in four years. It comes after a long drought in new listings, during which "
            "several domestic technology companies chose to float in New York or were bought "
            "by foreign rivals before they could list at all.",
            "Ledgerly was founded in 2016 by Chloé Marchand and Benedikt Roth, two former "
            "bank employees who were frustrated by how long small firms had to wait to be "
            "paid. Its software is used by about 210,000 businesses in eight countries. "
            "Revenue grew 46 percent last year to $186 million, although the company is not "
            "yet profitable.",
            "“We built this company here and we wanted to list it here,” said Ms "
            "Marchand. “Today suggests that was not a sentimental decision.” She "
            "said the money raised would be used to expand in Germany and to develop lending "
            "products that use invoice data to offer small businesses quicker credit.",
            "Exchange officials hope the listing will encourage others. “One good debut "
            "does not make a market,” said Hamid Farouk, head of listings at the "
            "exchange, “but it changes the conversation in a lot of boardrooms.” At "
            "least three other technology companies are reported to be preparing to list "
            "before the end of the year.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "We built this company here and we wanted to list it here. Today suggests that "
                "was not a sentimental decision."
            ),
            "attribution": "Chloé Marchand, co-founder and chief executive of Ledgerly",
        },
        "fact_box": None,
        "image_caption": (
            "Ledgerly’s founders ring the opening bell at the Harwick Stock Exchange on Wednesday."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "business",
        "headline": "Aldane Motors to cut 1,100 jobs as it shifts to electric vehicles",
        "standfirst": (
            "The carmaker will close its engine plant at Wexcombe by 2026, but says a new battery "
            "assembly line at its main factory will eventually create 700 jobs."
        ),
        "dateline": "WEXCOMBE",
        "authors": ["priya-raman"],
        "tags": ["Labour", "Energy"],
        "paragraphs": [
            "Aldane Motors, the country’s largest car manufacturer, will close its "
            "engine plant in Wexcombe by the end of 2026 with the loss of 1,100 jobs, the "
            "company said on Tuesday. The factory has built petrol and diesel engines since "
            "1968, and at its peak employed more than 4,000 people.",
            "The company said demand for combustion engines was falling faster than expected "
            "as customers switched to electric and hybrid vehicles, which accounted for 41 "
            "percent of its sales last year. It will invest $780 million in a battery pack "
            "assembly line at its main factory in Harwick’s eastern suburbs, creating "
            "about 700 jobs by 2028.",
            "Aldane’s chief executive, Gunnar Holm, said the decision was painful but "
            "necessary. He said the company would offer every Wexcombe worker an interview "
            "for a job at the battery plant, about 60 kilometres away, and would pay for "
            "retraining. Those who did not move would receive enhanced redundancy terms.",
            "“People here have built engines for three generations,” said Maureen "
            "Fitch, the union convenor at the plant. “You cannot just tell them the "
            "future is batteries and walk away.” She said many older workers could not "
            "relocate and that the union would fight for a transition fund for the town.",
            "Wexcombe’s council said the closure would remove around one in eight "
            "private sector jobs in the town. The government announced a $50 million "
            "regeneration package, including support for small businesses and a new skills "
            "centre. The plant’s suppliers, which employ a further estimated 900 people "
            "locally, were still assessing the impact.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "People here have built engines for three generations. You cannot just tell them "
                "the future is batteries and walk away."
            ),
            "attribution": "Maureen Fitch, union convenor at the Wexcombe plant",
        },
        "fact_box": None,
        "image_caption": (
            "Workers leave the Aldane Motors engine plant at Wexcombe after the announcement on "
            "Tuesday."
        ),
        "image_credit": "Hannah Price / Dateline",
    },
    {
        "section": "business",
        "headline": "Mortgage approvals fall for a fourth month as buyers wait for rate cuts",
        "standfirst": (
            "Lenders approved 41,200 home loans in June, the lowest number since January, as "
            "would-be buyers held back in the hope that cheaper borrowing is on the way."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman"],
        "tags": ["Housing", "Central banks"],
        "paragraphs": [
            "Mortgage approvals fell for the fourth consecutive month in June, according to "
            "figures from the Reserve Bank, as prospective buyers held off in the expectation "
            "that interest rates will fall later this year. Lenders approved 41,200 loans for "
            "house purchases, down from 43,900 in May and well below the long-term average of "
            "about 55,000.",
            "House prices were broadly flat, with the national average edging down 0.2 "
            "percent in the month to $318,000. Prices have fallen about 3 percent from their "
            "peak two years ago, though they remain more than a fifth higher than before the "
            "pandemic.",
            "Estate agents said the market was in a waiting game. “Everybody has read "
            "that rates are going to fall, so nobody wants to be the person who bought the "
            "week before they did,” said Nikos Papadakis, who runs an agency in "
            "Harwick’s inner suburbs. He said sellers had become more willing to "
            "negotiate, with typical discounts of five to seven percent on asking prices.",
            "First-time buyers face the biggest squeeze. The average two-year fixed mortgage "
            "rate is 5.1 percent, compared with less than 2 percent three years ago, and "
            "rents have risen quickly, making it harder to save for a deposit. Lenders say "
            "the average age of a first-time buyer has risen to 34.",
            "Economists expect activity to pick up once the Reserve Bank begins cutting "
            "rates, although most do not anticipate a return to rapid price growth. “We "
            "are looking at a slow thaw rather than a spring boom,” said housing "
            "economist Jana Novak of the research group Homestat.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Everybody has read that rates are going to fall, so nobody wants to be the "
                "person who bought the week before they did."
            ),
            "attribution": "Nikos Papadakis, estate agent",
        },
        "fact_box": None,
        "image_caption": "A row of terraced houses for sale in Harwick’s Millbrook district.",
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "business",
        "headline": "Supporters’ trust completes takeover of Port Ellery Athletic",
        "standfirst": (
            "Fans have taken majority control of the 134-year-old football club after raising "
            "$19m in six months, in a deal that includes the ground and the training complex."
        ),
        "dateline": "PORT ELLERY",
        "authors": ["priya-raman"],
        "tags": ["Football", "Economy"],
        "paragraphs": [
            "Port Ellery Athletic has become the first professional football club in the "
            "country’s top two divisions to be majority-owned by its supporters, after "
            "the Athletic Supporters’ Trust completed the purchase of a 76 percent stake "
            "from the American investor Bradley Keane. The deal was confirmed by the league "
            "on Friday.",
            "The trust raised $19 million in six months from 11,400 members, some of whom "
            "contributed as little as $50. The purchase includes the club’s Quayside "
            "Park stadium and its training ground, which supporters had feared could be sold "
            "for housing under the previous ownership.",
            "“We have seen what happens when clubs are treated as trophies,” said "
            "Declan Moore, the trust’s chair. “This one belongs to the people who "
            "stand on the terraces.” He said the trust would appoint a professional "
            "board and that fans would not be picking the team. “Nobody wants a "
            "committee choosing the left-back,” he added.",
            "Mr Keane bought the club for $31 million five years ago, promising promotion to "
            "the top division. Instead the team was relegated twice, attendances fell by a "
            "third and debts rose. As part of the sale, he agreed to write off $7.3 million "
            "of loans he had made to the club.",
            "Football finance experts said the model could be hard to sustain. “Fan "
            "ownership is wonderful until you need twenty million for a new stand,” said "
            "Dr Lucía Herrera, who studies sports economics. But she said the trust’s "
            "decision to keep the wage budget below 60 percent of turnover was sensible.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "We have seen what happens when clubs are treated as trophies. This one belongs "
                "to the people who stand on the terraces."
            ),
            "attribution": "Declan Moore, chair of the Athletic Supporters’ Trust",
        },
        "fact_box": {
            "title": "The takeover",
            "items": [
                "$19 million raised from 11,400 members",
                "Largest single pledge: $250,000",
                "Trust holds 76% of shares",
                "Club debts of $7.3 million written off by previous owner",
            ],
        },
        "image_caption": (
            "Supporters celebrate outside Quayside Park after the takeover was confirmed."
        ),
        "image_credit": "Nadia Osei / Dateline",
    },
    {
        "section": "business",
        "headline": "Four-day week trial: most firms keep it after productivity holds steady",
        "standfirst": (
            "Of 73 companies that tested a shorter working week without a cut in pay, 61 have "
            "decided to continue, according to a study published on Monday."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman"],
        "tags": ["Labour", "Economy"],
        "paragraphs": [
            "Most of the companies that took part in a six-month trial of a four-day working "
            "week have decided to keep it, according to a study by researchers at Harwick "
            "University and the Centre for Work and Wellbeing. Of the 73 employers involved, "
            "61 will continue, 7 will extend the trial and 5 have returned to a five-day week.",
            "The companies, which employ about 3,400 people between them, ranged from "
            "software developers and marketing agencies to a bakery, a care home and a small "
            "manufacturer. Staff worked around 32 hours a week without any reduction in pay, "
            "on the condition that output was maintained.",
            "Revenue across the participating firms was broadly unchanged during the trial, "
            "the researchers found, while staff sickness absence fell by about a third and "
            "resignations fell by more than half. Employees reported lower stress and better "
            "sleep. “The biggest surprise was not that people were happier,” said "
            "Kavita Menon of the software company Northlight. “It was how much time we "
            "had been wasting in meetings.”",
            "Not every sector found it easy. The care home and the manufacturer, which need "
            "staff present at fixed times, had to hire extra workers to cover shifts. Two of "
            "the companies that returned to a five-day week said customers had complained "
            "about slower responses on Fridays.",
            "Business groups were sceptical that the results would apply more widely. The "
            "Federation of Employers said the companies that volunteered were likely to be "
            "those best suited to the change. The researchers acknowledged this, but said the "
            "results showed that “a shorter week is a workable option for far more "
            "organisations than had been assumed”.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "The biggest surprise was not that people were happier. It was how much time we "
                "had been wasting in meetings."
            ),
            "attribution": "Kavita Menon, chief executive of software firm Northlight",
        },
        "fact_box": None,
        "image_caption": (
            "Staff at a Harwick design agency taking part in the four-day week trial."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "business",
        "headline": ("Insurer’s AI call-handling trial halved waiting times but raised complaints"),
        "standfirst": (
            "Harbour Mutual’s experiment with an AI assistant answering customer calls cut "
            "average waits from 19 minutes to 8, but an internal review found older customers "
            "were more likely to give up."
        ),
        "dateline": "HARWICK",
        "authors": ["priya-raman"],
        "tags": ["AI", "Labour", "Technology"],
        "paragraphs": [
            "Harbour Mutual, one of the country’s largest home and motor insurers, says "
            "a six-month trial in which an artificial intelligence system answered customer "
            "phone calls cut average waiting times by more than half. But an internal review "
            "seen by the Courier found that customers over the age of 70 were twice as likely "
            "as younger callers to hang up before their problem was resolved.",
            "The system, supplied by a software company in Harwick, handled about 40 percent "
            "of the 1.1 million calls the insurer received during the trial. It answered "
            "routine questions about policies and payments and took initial details of "
            "claims, passing more complicated calls to human staff. The average wait for a "
            "person fell from 19 minutes to 8.",
            "Harbour Mutual’s chief operating officer, Stefan Kowalczyk, said the "
            "results were encouraging and that no jobs had been cut. “The AI takes the "
            "simple calls so our people can spend longer on the difficult ones,” he "
            "said. The company plans to extend the system to all its customer lines next year "
            "and will retrain about 120 call handlers as claims specialists.",
            "The review found that complaints rose by 14 percent during the trial, many from "
            "people who said they had been unable to reach a human quickly. “Speed is "
            "not the same thing as service,” said Gloria Nwachukwu of the Consumer "
            "Council. “Somebody who has just been burgled wants to talk to a "
            "person.” The council wants insurers to guarantee customers the option to "
            "speak to a human at any point.",
            "Unions representing call centre workers said they would watch closely. Industry "
            "figures suggest about 85,000 people work in customer contact centres in the "
            "financial services sector. Harbour Mutual has promised that customers who say "
            "“agent” at any point will now be transferred immediately.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Speed is not the same thing as service. Somebody who has just been burgled wants "
                "to talk to a person."
            ),
            "attribution": "Gloria Nwachukwu, Consumer Council",
        },
        "fact_box": None,
        "image_caption": "Staff at Harbour Mutual’s customer contact centre in Harwick.",
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "science",
        "headline": "Comet Halvorsen-Ibarra expected to be visible to the naked eye next month",
        "standfirst": (
            "Astronomers say the comet, discovered by an amateur observer in January, is "
            "brightening faster than forecast and could be the most spectacular in the northern "
            "sky since 1997."
        ),
        "dateline": "",
        "authors": ["soren-vedel"],
        "tags": ["Space"],
        "paragraphs": [
            "A comet discovered in January by a retired schoolteacher with a backyard "
            "telescope is brightening so quickly that astronomers now expect it to be clearly "
            "visible to the naked eye in October, possibly with a long tail stretching across "
            "a significant part of the evening sky. If predictions hold, it would be the "
            "brightest comet seen from the northern hemisphere in almost thirty years.",
            "Comet Halvorsen-Ibarra was first spotted by Tor Halvorsen, an amateur "
            "astronomer, who noticed a faint smudge on images taken from his garden "
            "observatory. Within hours his report was confirmed by Dr Ines Ibarra, a "
            "planetary scientist at an observatory in the Canary Islands, who had "
            "independently recorded the object the same night.",
            "Comets are notoriously unpredictable. Many that are expected to put on a show "
            "break up or fade as they approach the Sun. “Comets are like cats,” "
            "said Dr Ibarra. “They have tails and they do exactly what they want. But "
            "this one is behaving very nicely so far.” Its nucleus is estimated to be "
            "between five and eight kilometres across, large enough to survive its passage.",
            "The comet will pass closest to the Sun on October 3, at about the same distance "
            "as the orbit of Mercury. It will then swing back towards the inner solar "
            "system’s edge, passing within 71 million kilometres of Earth on October 19. "
            "It poses no danger to the planet.",
            "The best views are expected in the week after October 12, when the comet will "
            "appear low in the western sky shortly after sunset. Observers should find a "
            "location away from city lights with a clear view of the horizon. Binoculars will "
            "help, but astronomers say a telescope is not necessary.",
            "The comet is on a very long orbit and was last in the inner solar system about "
            "41,000 years ago. Mr Halvorsen, 68, said he had been searching for comets for "
            "nineteen years. “I had almost given up,” he said. “Now I cannot "
            "sleep for checking the weather forecast.”",
        ],
        "subheading": "How to see it",
        "pull_quote": None,
        "fact_box": {
            "title": "Comet Halvorsen-Ibarra",
            "items": [
                "Discovered January 14 by Tor Halvorsen and Dr Ines Ibarra",
                "Closest approach to the Sun: October 3",
                "Closest approach to Earth: 71 million km, October 19",
                "Orbital period: about 41,000 years",
            ],
        },
        "image_caption": (
            "Comet Halvorsen-Ibarra photographed through a small telescope from the hills above "
            "Castlemoor last week."
        ),
        "image_credit": "Tor Halvorsen / Dateline",
    },
    {
        "section": "science",
        "headline": "Malaria vaccine cuts severe cases in young children by 72% in large trial",
        "standfirst": (
            "Results from a three-year study involving 18,000 children in four countries suggest "
            "a new vaccine offers stronger and longer-lasting protection than existing options."
        ),
        "dateline": "",
        "authors": ["soren-vedel", "amara-okonjo"],
        "tags": ["Public health"],
        "paragraphs": [
            "A new malaria vaccine reduced severe malaria in young children by 72 percent "
            "over three years, according to results from a large clinical trial published on "
            "Wednesday. Researchers said the vaccine, known as PfRH-3, could become one of "
            "the most effective tools yet against a disease that kills around 600,000 people "
            "a year, most of them children under five.",
            "The trial enrolled 18,000 children aged between five and seventeen months at "
            "sites in four African countries with different patterns of malaria transmission. "
            "Half received the vaccine and half a rabies vaccine as a comparison. Children "
            "received three doses a month apart, followed by a booster a year later.",
            "Over three years, the vaccinated group had 68 percent fewer cases of malaria "
            "overall and 72 percent fewer cases of severe malaria, which can cause seizures, "
            "anaemia and death. “For a parent, 72 percent means most of the nights you "
            "would have spent in a hospital corridor, you spend at home,” said Dr Abena "
            "Owusu, the trial’s principal investigator.",
            "Unlike earlier malaria vaccines, PfRH-3 targets a protein the parasite uses to "
            "enter red blood cells, rather than the stage when it first enters the liver. The "
            "researchers believe this is why protection declined more slowly, remaining above "
            "60 percent in the third year. Side effects were mostly mild, including fever and "
            "soreness at the injection site.",
            "Experts not involved in the study were cautiously enthusiastic. “These are "
            "genuinely impressive numbers,” said Professor Martin Keller, a "
            "parasitologist. “But delivering four doses to children in remote areas is a "
            "serious challenge.” The manufacturer has said it can produce 40 million "
            "doses a year by 2027 at a price of about $4 per dose.",
            "The results will now be reviewed by the World Health Organization, which must "
            "recommend the vaccine before it can be purchased by international health "
            "agencies. A decision is expected within a year. National regulators in two of "
            "the trial countries have already begun their own reviews, and health ministries "
            "say they hope to include the vaccine in routine childhood immunisation schedules "
            "soon after approval.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "For a parent, 72 percent means most of the nights you would have spent in a "
                "hospital corridor, you spend at home."
            ),
            "attribution": "Dr Abena Owusu, principal investigator",
        },
        "fact_box": {
            "title": "The trial",
            "items": [
                "18,000 children aged 5 to 17 months",
                "Four sites in West and East Africa",
                "Three doses plus a booster at 18 months",
                "Severe malaria cases reduced by 72%, all malaria by 68%",
            ],
        },
        "image_caption": (
            "A nurse administers a dose of the trial vaccine at a clinic taking part in the study."
        ),
        "image_credit": "Grace Wanjiru / Dateline",
    },
    {
        "section": "science",
        "headline": (
            "Deep-sea survey of the Meridian Ridge finds dozens of animals new to science"
        ),
        "standfirst": (
            "A six-week expedition using remotely operated vehicles recorded at least 37 "
            "previously unknown species, including a translucent sea cucumber and a carnivorous "
            "sponge."
        ),
        "dateline": "",
        "authors": ["soren-vedel"],
        "tags": ["Oceans", "Biodiversity"],
        "paragraphs": [
            "Scientists exploring an underwater mountain range in the South Atlantic have "
            "identified at least 37 species that are new to science, and expect that number "
            "to grow as samples are analysed. The discoveries were made during a six-week "
            "expedition aboard the research ship Polar Tern, which returned to port on "
            "Saturday.",
            "The Meridian Ridge rises from the seabed at depths of more than 5,000 metres and "
            "has never been systematically surveyed. Using a remotely operated vehicle "
            "equipped with high-definition cameras and robotic arms, the team carried out 41 "
            "dives, collecting about 1,800 specimens and recording more than 300 hours of "
            "video.",
            "“We went down expecting to find new species,” said Dr Astrid Nyberg, a "
            "marine ecologist who led the expedition. “We did not expect that almost "
            "every dive would bring one up.” Among the finds are a carnivorous sponge "
            "that traps small crustaceans with hooked spines, a sea cucumber so translucent "
            "its gut is visible, and three species of squat lobster.",
            "The team also found extensive fields of cold-water coral and a hydrothermal vent "
            "system at a depth of about 3,100 metres, where chemical-rich water supports "
            "dense colonies of shrimp and tube worms. Vents of this kind are among the most "
            "productive ecosystems in the deep sea.",
            "The survey has implications beyond biology. Parts of the ridge contain mineral "
            "deposits that mining companies are interested in, and the International Seabed "
            "Authority is negotiating rules for deep-sea mining. “You cannot protect "
            "what you have not described,” said Dr Nyberg. “Until recently, we had "
            "not described almost anything here.”",
            "Formal descriptions of the new species will take several years. Specimens have "
            "been sent to museums and universities in eight countries, and the "
            "expedition’s video footage will be made publicly available online later "
            "this year. The team hopes to return to the ridge in 2026 to survey its northern "
            "section, which no one has yet visited.",
        ],
        "subheading": "A race against mining",
        "pull_quote": {
            "quote": (
                "We went down expecting to find new species. We did not expect that almost every "
                "dive would bring one up."
            ),
            "attribution": "Dr Astrid Nyberg, expedition leader",
        },
        "fact_box": None,
        "image_caption": (
            "A previously unknown species of glass sponge photographed at a depth of 2,900 metres "
            "on the Meridian Ridge."
        ),
        "image_credit": "Meridian Ridge Expedition / Dateline",
    },
    {
        "section": "science",
        "headline": "Northern Fusion Laboratory sustains hot plasma for a record eight minutes",
        "standfirst": (
            "Engineers kept a plasma above 50 million degrees for 482 seconds, a step towards the "
            "long, stable operation a fusion power station would need."
        ),
        "dateline": "BRENFORD",
        "authors": ["soren-vedel"],
        "tags": ["Energy", "Technology"],
        "paragraphs": [
            "Scientists at the Northern Fusion Laboratory near Brenford say they have kept a "
            "plasma at temperatures above 50 million degrees Celsius for 482 seconds, beating "
            "the previous record for a machine of its kind by more than two minutes. The "
            "experiment took place last month in the laboratory’s Helix-2 tokamak, a "
            "doughnut-shaped reactor that holds plasma in place with powerful magnets.",
            "Fusion, the process that powers the Sun, releases large amounts of energy when "
            "light atoms are forced together. Reproducing it on Earth requires extreme "
            "temperatures and a way to contain the plasma without it touching the reactor "
            "walls. Most experiments have lasted only seconds, because the walls overheat and "
            "impurities cool the plasma.",
            "“Fusion used to be measured in milliseconds,” said Professor Gwen "
            "Aldous, the laboratory’s director. “Now we are measuring it in "
            "minutes, and the walls are still intact.” The team credited new tungsten "
            "wall tiles, which are actively cooled by water, and an improved system for "
            "controlling the plasma’s shape in real time.",
            "The experiment did not produce more energy than it consumed, and was not "
            "designed to. Its purpose was to show that plasma can be controlled for long "
            "periods, one of several problems that must be solved before fusion power "
            "stations can be built. Other laboratories are working on the separate challenge "
            "of achieving net energy gain.",
            "Independent physicists described the result as solid engineering progress. "
            "“This is not a breakthrough in the headline sense,” said Dr Samir "
            "Haddad, a plasma physicist. “It is the sort of patient, unglamorous advance "
            "that fusion actually needs.” Professor Aldous said the team hoped to reach "
            "20 minutes within three years.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Fusion used to be measured in milliseconds. Now we are measuring it in minutes, "
                "and the walls are still intact."
            ),
            "attribution": "Professor Gwen Aldous, director of the Northern Fusion Laboratory",
        },
        "fact_box": None,
        "image_caption": (
            "The interior of the Helix-2 tokamak at the Northern Fusion Laboratory during "
            "maintenance."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "science",
        "headline": ("Ancient DNA from Hollow Crag cave reveals two groups who lived side by side"),
        "standfirst": (
            "Genetic analysis of remains from a northern limestone cave shows that farmers and "
            "hunter-gatherers shared the same valley for at least 800 years, rather than one "
            "quickly replacing the other."
        ),
        "dateline": "CASTLEMOOR",
        "authors": ["soren-vedel"],
        "tags": ["Archaeology"],
        "paragraphs": [
            "DNA recovered from human remains buried in Hollow Crag cave, near Castlemoor, "
            "shows that early farmers and hunter-gatherers lived alongside each other in the "
            "same valley for at least 800 years, according to a study published on Thursday. "
            "The findings challenge the long-held view that farming communities rapidly "
            "displaced the people who were already living there.",
            "The cave was excavated between 2019 and 2023 after a caver found a human jawbone "
            "in a narrow side passage. Archaeologists recovered the remains of at least 46 "
            "people buried over roughly 1,500 years. Researchers at Harwick University "
            "extracted DNA from 31 of them, using teeth and the dense bone of the inner ear.",
            "The results show two genetically distinct groups, one descended from farmers who "
            "migrated from the south-east and one from local hunter-gatherers, buried in the "
            "cave during the same centuries. Later individuals show mixed ancestry, "
            "indicating that the groups intermarried. “The old story was that farmers "
            "arrived and hunters vanished,” said Dr Niamh Carrick, who led the genetic "
            "analysis. “This cave tells us they were neighbours for thirty "
            "generations.”",
            "Chemical analysis of the teeth suggests the two groups ate different diets, with "
            "the hunter-gatherers relying more on fish and wild game. Animal bones and tools "
            "from the cave suggest they may have traded, with stone blades from the "
            "hunter-gatherer tradition found alongside pottery made by farmers.",
            "The remains will be reburied in the cave next year after consultation with local "
            "residents, except for a small number of samples that will be kept for future "
            "research. The study was carried out with the agreement of the local council and "
            "the national heritage agency.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "The old story was that farmers arrived and hunters vanished. This cave tells us "
                "they were neighbours for thirty generations."
            ),
            "attribution": "Dr Niamh Carrick, archaeogeneticist",
        },
        "fact_box": None,
        "image_caption": (
            "Archaeologists at work in the main chamber of Hollow Crag cave near Castlemoor."
        ),
        "image_credit": "Hannah Price / Dateline",
    },
    {
        "section": "science",
        "headline": "Bird flu detected in grey seals on two northern islands",
        "standfirst": (
            "Scientists have confirmed avian influenza in dead seals found on the Rannoch Isles, "
            "prompting warnings to visitors and intensified monitoring of marine mammals along "
            "the coast."
        ),
        "dateline": "",
        "authors": ["soren-vedel"],
        "tags": ["Public health", "Biodiversity"],
        "paragraphs": [
            "Avian influenza has been confirmed in grey seals found dead on two of the "
            "Rannoch Isles, the first detection of the virus in seals in the country’s "
            "waters, the Animal Health Agency said on Monday. Laboratory tests on five of "
            "eleven carcasses recovered in the past fortnight found the H5N1 strain that has "
            "killed large numbers of seabirds since 2021.",
            "Scientists said it was not yet clear whether the seals caught the virus by "
            "eating infected birds or whether it was passing between seals. Outbreaks among "
            "marine mammals in South America have killed tens of thousands of sea lions and "
            "elephant seals, and genetic studies there suggested mammal-to-mammal spread.",
            "“The risk to the public is low,” said Dr Fiona Abernethy, a veterinary "
            "virologist at the agency. “The risk to seals, seabirds and possibly other "
            "marine mammals is not.” She said samples from the infected seals were being "
            "sequenced to look for mutations that might help the virus adapt to mammals.",
            "Visitors to the islands have been asked not to touch dead or sick animals and to "
            "keep dogs on leads. Wildlife rangers will carry out weekly counts at the main "
            "seal colonies, which hold about 9,000 animals, and report carcasses for testing.",
            "Conservationists said the news was a blow for a population that had been "
            "recovering. Grey seal numbers on the islands have roughly doubled since the "
            "1990s. “We are hoping this stays a cluster and does not become an "
            "epidemic,” said Callum Reid of the Northern Coasts Wildlife Trust.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "The risk to the public is low. The risk to seals, seabirds and possibly other "
                "marine mammals is not."
            ),
            "attribution": "Dr Fiona Abernethy, veterinary virologist",
        },
        "fact_box": None,
        "image_caption": (
            "Grey seals hauled out on a beach on the Rannoch Isles earlier this year."
        ),
        "image_credit": "Kristian Lund / Dateline",
    },
    {
        "section": "science",
        "headline": (
            "Sorvik glacier has lost a fifth of its volume in fifteen years, survey finds"
        ),
        "standfirst": (
            "Repeated measurements by drone and ground-penetrating radar show the retreat of the "
            "country’s largest glacier is accelerating, with consequences for rivers and "
            "hydropower downstream."
        ),
        "dateline": "",
        "authors": ["soren-vedel"],
        "tags": ["Climate"],
        "paragraphs": [
            "The country’s largest glacier has lost about 21 percent of its ice volume "
            "since 2009, according to a survey by researchers at the Northern Institute of "
            "Technology, and the rate of loss has roughly doubled over the past five years. "
            "The findings, based on drone mapping and ground-penetrating radar, were "
            "published on Tuesday.",
            "The Sorvik glacier now covers about 41 square kilometres, down from 52 square "
            "kilometres fifteen years ago. Its front has retreated by 1.9 kilometres, "
            "exposing bare rock and a chain of new meltwater lakes. In places, the ice has "
            "thinned by more than 40 metres.",
            "“When I started measuring this glacier it had a personality,” said "
            "Professor Erling Dahl, who has led fieldwork on the glacier since the 1990s. "
            "“Now it feels like we are keeping a deathbed diary.” Under current "
            "warming trends, the team projects that the glacier could lose more than half of "
            "its remaining ice by 2070.",
            "The loss has practical consequences. Meltwater from the glacier feeds the river "
            "Sorva, which supplies three hydropower stations and irrigation for farms in the "
            "valley. In the short term, faster melting has increased summer river flows, but "
            "modelling suggests they will begin to decline within two decades as the glacier "
            "shrinks.",
            "The survey also found that the new meltwater lakes pose a flood risk if their "
            "natural dams of loose rock give way. The regional authority has installed "
            "water-level sensors at the two largest lakes and is drawing up evacuation plans "
            "for a village about 14 kilometres downstream.",
        ],
        "subheading": "",
        "pull_quote": None,
        "fact_box": {
            "title": "Sorvik glacier",
            "items": [
                "Area: 41 square kilometres, down from 52 in 2009",
                "Volume lost since 2009: about 21%",
                "Front retreated 1.9 km in 15 years",
                "Meltwater supplies three hydropower stations",
            ],
        },
        "image_caption": (
            "The snout of the Sorvik glacier, photographed from the same point in 2009 and this "
            "summer."
        ),
        "image_credit": "Kristian Lund / Dateline",
    },
    {
        "section": "science",
        "headline": "Quantum computer corrects its own errors faster than they accumulate",
        "standfirst": (
            "Researchers at a Harwick start-up say their device crossed a key threshold for error "
            "correction, though a practical quantum computer remains years away."
        ),
        "dateline": "HARWICK",
        "authors": ["soren-vedel"],
        "tags": ["Technology"],
        "paragraphs": [
            "A quantum computing company based in Harwick says it has demonstrated error "
            "correction that removes errors faster than they build up, a milestone "
            "researchers in the field have been pursuing for more than two decades. The "
            "results from Qubitline, a university spin-out, were published on Wednesday in a "
            "peer-reviewed journal.",
            "Quantum computers store information in qubits, which can represent many values "
            "at once but are extremely fragile. Heat, vibration and stray electromagnetic "
            "signals cause errors within fractions of a second. Error correction spreads "
            "information across many physical qubits to create a single, more reliable "
            "“logical” qubit.",
            "The catch has been that adding more physical qubits also adds more opportunities "
            "for errors. Qubitline’s team showed that as they increased the size of "
            "their logical qubit from 17 to 49 physical qubits, the error rate fell by about "
            "half. “It is a little like bailing out a boat,” said Dr Yusuf Adeyemi, "
            "the company’s chief scientist. “For the first time, we are bailing "
            "faster than the water is coming in.”",
            "Independent experts called the work significant but stressed its limits. "
            "“This is a necessary step, not a finished machine,” said Professor Lin "
            "Zhao, a physicist who reviewed the paper. Useful quantum computers for tasks "
            "such as designing drugs or new materials would probably need thousands of "
            "logical qubits, she said, compared with one in this experiment.",
            "Qubitline, which employs 85 people, raised $120 million from investors last "
            "year. It plans to build a processor with several logical qubits by 2027. Several "
            "larger technology companies have reported similar results using different "
            "hardware, and the race to scale up is intensifying.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "It is a little like bailing out a boat. For the first time, we are bailing "
                "faster than the water is coming in."
            ),
            "attribution": "Dr Yusuf Adeyemi, chief scientist at Qubitline",
        },
        "fact_box": None,
        "image_caption": (
            "A dilution refrigerator housing Qubitline’s processor, cooled to a fraction of "
            "a degree above absolute zero."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "science",
        "headline": (
            "Soil bacterium yields antibiotic that kills drug-resistant infections in mice"
        ),
        "standfirst": (
            "Scientists found the compound in a sample from a Harwick allotment. It works in a "
            "way bacteria have not encountered before, but human trials are at least three years "
            "away."
        ),
        "dateline": "HARWICK",
        "authors": ["soren-vedel"],
        "tags": ["Public health"],
        "paragraphs": [
            "Researchers at Harwick University have discovered a new antibiotic produced by a "
            "bacterium found in soil from a city allotment, and shown that it clears "
            "infections caused by drug-resistant bacteria in mice. The compound, which they "
            "have named hollomycin, attacks bacteria in a way that no approved antibiotic "
            "does.",
            "Antimicrobial resistance is one of the most serious threats to modern medicine. "
            "Drug-resistant infections are estimated to contribute to more than a million "
            "deaths worldwide each year. Very few new classes of antibiotic have been "
            "discovered since the 1980s, and many pharmaceutical companies have abandoned the "
            "field because new antibiotics earn little money.",
            "The team screened bacteria from 2,400 soil samples, many gathered by volunteers "
            "through a citizen science project. “We spent two years looking at exotic "
            "samples from around the world,” said Dr Rosa Villanueva, the study’s "
            "lead author. “The one that worked came from a vegetable patch two miles "
            "from the lab.”",
            "Hollomycin disrupts a molecule that bacteria need to build their outer walls. In "
            "laboratory tests it killed several dangerous species, including strains of "
            "Staphylococcus aureus resistant to the antibiotic methicillin. Importantly, the "
            "researchers were unable to produce resistant bacteria in the lab even after "
            "repeated exposure over 30 days.",
            "The compound still has to pass safety tests and be shown to work in people, a "
            "process that typically takes many years and fails more often than it succeeds. "
            "The university is seeking partners to fund early human trials, which could start "
            "in three years at the earliest.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "We spent two years looking at exotic samples from around the world. The one that "
                "worked came from a vegetable patch two miles from the lab."
            ),
            "attribution": "Dr Rosa Villanueva, lead author",
        },
        "fact_box": None,
        "image_caption": (
            "Colonies of the soil bacterium Streptomyces harwickensis growing in a laboratory dish."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "science",
        "headline": (
            "Beavers cut peak flooding by a third on restored river, ten-year study shows"
        ),
        "standfirst": (
            "Dams built by a reintroduced beaver family slowed floodwater on the upper Alden, "
            "reducing peak flows in the town downstream, researchers report."
        ),
        "dateline": "",
        "authors": ["soren-vedel"],
        "tags": ["Biodiversity", "Climate"],
        "paragraphs": [
            "A family of beavers released into a fenced stretch of the upper Alden river ten "
            "years ago has reduced peak flood flows downstream by about a third, according to "
            "a study published on Monday. The animals have built 14 dams along a 2-kilometre "
            "section, creating a network of ponds and wetlands that hold back water after "
            "heavy rain.",
            "Researchers from the University of Castlemoor compared river flows above and "
            "below the beaver territory during 62 storms. On average, the peak flow leaving "
            "the site was 32 percent lower than the peak entering it, and arrived about three "
            "hours later, giving the town of Aldenbridge more time to prepare.",
            "“We paid nothing for these engineers, and they work every night of the "
            "year,” said Dr Tom Hargreaves, the ecologist who led the study. The ponds "
            "also trapped sediment and farm fertiliser, improving water quality downstream, "
            "and dragonfly, amphibian and bat numbers at the site have risen sharply.",
            "Aldenbridge flooded three times between 2007 and 2015, damaging hundreds of "
            "homes. It has not flooded since the beavers were introduced, although the "
            "researchers cautioned that several other flood defence projects were completed "
            "in the same period. They said it was impossible to attribute the town’s "
            "good fortune to the beavers alone.",
            "Not everyone welcomes the animals. Farmers near some wild beaver populations "
            "have reported flooded fields and felled trees. The government is drawing up "
            "rules for wider releases that would allow landowners to remove dams in certain "
            "circumstances. Dr Hargreaves said beavers were “not a replacement for flood "
            "walls, but a very cheap complement to them”.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "We paid nothing for these engineers, and they work every night of the year."
            ),
            "attribution": "Dr Tom Hargreaves, ecologist",
        },
        "fact_box": None,
        "image_caption": (
            "A beaver dam on the upper Alden river, one of 14 built since the animals were "
            "released."
        ),
        "image_credit": "Kristian Lund / Dateline",
    },
    {
        "section": "science",
        "headline": "Lunar lander built by university consortium launches on three-day journey",
        "standfirst": (
            "The 400-kilogram craft, nicknamed Wren, will attempt to land near the Moon’s "
            "south pole to search for water ice beneath the surface."
        ),
        "dateline": "",
        "authors": ["soren-vedel"],
        "tags": ["Space", "Technology"],
        "paragraphs": [
            "A small lunar lander built by a consortium of eleven universities was launched "
            "on Sunday, beginning a journey that will end, its team hopes, with a soft "
            "landing near the Moon’s south pole on Thursday. The craft, called Wren, "
            "carries a drill and a neutron spectrometer designed to detect water ice in the "
            "top metre of lunar soil.",
            "Wren cost $94 million to build over six years, a fraction of the price of lunar "
            "missions run by national space agencies. It was launched as a secondary payload "
            "on a commercial rocket, and will use its own small engine to travel to the Moon "
            "and descend to the surface.",
            "“Ten years ago a university building a Moon lander would have sounded like "
            "a student prank,” said Professor Hamid Karimi, the mission lead. “Now "
            "it is a line item.” More than 300 students worked on the project, many of "
            "them writing the software that will guide the landing autonomously.",
            "Landing on the Moon remains difficult. About half of the robotic landing "
            "attempts in the past decade have failed, often in the final minutes of descent. "
            "The team has chosen a relatively flat crater rim about 90 kilometres from the "
            "pole, where sunlight should keep the lander’s solar panels charged for "
            "around ten Earth days.",
            "Water ice at the lunar poles could one day supply drinking water, oxygen and "
            "rocket fuel for astronauts. Orbiting spacecraft have detected signs of ice in "
            "permanently shadowed craters, but measurements at the surface are needed to "
            "understand how much there is and how easily it could be extracted.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Ten years ago a university building a Moon lander would have sounded like a "
                "student prank. Now it is a line item."
            ),
            "attribution": "Professor Hamid Karimi, mission lead",
        },
        "fact_box": {
            "title": "The Wren mission",
            "items": [
                "Mass: 412 kg including fuel",
                "Built by 11 universities over six years at a cost of $94 million",
                "Target: a crater rim about 90 km from the south pole",
                "Instruments: drill, neutron spectrometer and two cameras",
            ],
        },
        "image_caption": (
            "The Wren lander during final checks before being fitted to its launch vehicle."
        ),
        "image_credit": "Wren Mission / Dateline",
    },
    {
        "section": "science",
        "headline": "Later school start improved teenagers’ sleep and grades, trial finds",
        "standfirst": (
            "Pupils at secondary schools that moved the start of the day from 8.30am to 9.30am "
            "slept about 40 minutes more a night and did better in mathematics, researchers found."
        ),
        "dateline": "PORT ELLERY",
        "authors": ["soren-vedel"],
        "tags": ["Public health"],
        "paragraphs": [
            "Secondary school pupils who started lessons an hour later slept an average of 41 "
            "minutes longer each night and achieved higher results in mathematics, according "
            "to a two-year trial involving 24 schools in and around Port Ellery. The results "
            "were published on Tuesday by researchers at the University of Port Ellery.",
            "Half of the schools moved their start time from 8.30am to 9.30am, while the rest "
            "kept their normal timetable. About 6,200 pupils aged 13 to 16 wore activity "
            "trackers for two weeks each term to measure their sleep, and completed "
            "questionnaires on mood and wellbeing.",
            "“Teenagers are not lazy,” said Professor Joanna Achterberg, who led "
            "the study. “Their body clocks genuinely run later, and we have been asking "
            "them to do algebra in the middle of their biological night.” Pupils at the "
            "later-starting schools went to bed at roughly the same time as before but slept "
            "longer because they could wake later.",
            "Maths scores at the later-starting schools rose by the equivalent of about two "
            "months of progress compared with the other schools. Attendance also improved and "
            "pupils reported lower levels of anxiety. There was no significant difference in "
            "English results. The researchers said they would follow the same pupils through "
            "their final examinations to see whether the gains in mathematics persist over "
            "time.",
            "The change was not easy for everyone. Some parents had to rearrange work hours, "
            "and schools had to renegotiate bus contracts and after-school activities. Three "
            "of the twelve schools said they would return to their original hours because of "
            "the practical difficulties. The Education Ministry said it would consider the "
            "findings but had no plans to require later start times.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Teenagers are not lazy. Their body clocks genuinely run later, and we have been "
                "asking them to do algebra in the middle of their biological night."
            ),
            "attribution": "Professor Joanna Achterberg, sleep researcher",
        },
        "fact_box": None,
        "image_caption": (
            "Pupils arrive at Harbourside Academy in Port Ellery, one of the schools in the trial."
        ),
        "image_credit": "Nadia Osei / Dateline",
    },
    {
        "section": "culture",
        "headline": (
            "Harwick Film Festival opens with a quiet family drama and a loud argument about "
            "streaming"
        ),
        "standfirst": (
            "The 42nd edition begins with Anouk Vermeer’s The Winter Lodgers, while a row "
            "over whether streaming-only films should compete for the main prize overshadows the "
            "red carpet."
        ),
        "dateline": "HARWICK",
        "authors": ["lea-fontaine"],
        "tags": ["Film"],
        "paragraphs": [
            "The Harwick International Film Festival opened on Thursday night with The Winter "
            "Lodgers, a restrained family drama by the Dutch director Anouk Vermeer about "
            "three adult siblings forced to share their late mother’s seaside boarding "
            "house for one off-season winter. The premiere drew a standing ovation that "
            "lasted, by one count, just under six minutes.",
            "Vermeer’s film is a modest choice for an opening night, which in recent "
            "years has favoured big-budget productions with famous casts. Festival director "
            "Jonas Wilde said that was the point. “We wanted to open with a film that "
            "trusts its audience,” he said. “It has no explosions, only a family, "
            "which is sometimes more dangerous.”",
            "The early days of the festival have been dominated by a dispute over "
            "eligibility. Two films in the main competition were financed by streaming "
            "platforms and will be released online without a cinema run in most countries. "
            "Cinema owners’ associations have protested, arguing that the "
            "festival’s top prize should be reserved for films made for the big screen.",
            "Mr Wilde has been unapologetic about including them, but insisted the festival "
            "remained committed to cinemas. “A festival is not a shop window,” he "
            "said. “It is a place where films meet an audience in the dark, together, "
            "and I will defend that to the end.” Both streaming films will be shown in "
            "cinemas during the festival.",
            "This year’s programme includes 186 films from 54 countries, with a notable "
            "strand of first features from West Africa and Central Asia. The jury is chaired "
            "by the Chilean director Rocío Salvatierra, whose own film won the "
            "festival’s top prize nine years ago. Prizes will be announced on the final "
            "Saturday.",
            "Ticket sales are up 12 percent on last year, according to organisers, helped by "
            "a new scheme offering $5 tickets to anyone under 26. Screenings of restored "
            "classics at the outdoor cinema on Kingsbridge Square sold out within hours of "
            "going on sale.",
        ],
        "subheading": "The streaming question",
        "pull_quote": None,
        "fact_box": {
            "title": "Harwick International Film Festival",
            "items": [
                "42nd edition, 11 days",
                "186 films from 54 countries",
                "19 films in the main competition",
                "Jury president: the Chilean director Rocío Salvatierra",
            ],
        },
        "image_caption": (
            "Anouk Vermeer and the cast of The Winter Lodgers arrive for the opening night "
            "screening."
        ),
        "image_credit": "Camille Duret / Dateline",
    },
    {
        "section": "culture",
        "headline": "Port Ellery Maritime Museum reopens after four-year, $68m rebuild",
        "standfirst": (
            "The museum’s new galleries put the stories of dock workers, emigrants and "
            "fishing families alongside the ship models and brass instruments that filled its old "
            "halls."
        ),
        "dateline": "PORT ELLERY",
        "authors": ["lea-fontaine"],
        "tags": ["Museums"],
        "paragraphs": [
            "The Port Ellery Maritime Museum reopened on Saturday after a four-year "
            "renovation costing $68 million, with queues stretching along the harbour wall "
            "before the doors opened at 10am. More than 7,000 people visited on the first "
            "day, according to the museum, roughly the number it used to receive in a month.",
            "The rebuild has transformed the museum, which occupies a former customs house "
            "built in 1874. A new wing of timber and glass, designed by the architects "
            "Haldane Ruiz, overlooks the harbour, and the number of objects on display has "
            "tripled to about 9,400. The old galleries, which had barely changed since the "
            "1960s, have been stripped back to their original brick.",
            "The biggest change is in what the museum chooses to tell. “For a century "
            "this museum told the story of the ships,” said its director, Dr Oluwaseun "
            "Bright. “Now it tells the story of the people who built them, sailed them "
            "and waited for them to come home.” A new Emigration Hall traces the 1.2 "
            "million people who left the country through Port Ellery between 1850 and 1930.",
            "One of the most affecting rooms is devoted to the fishing disaster of 1953, when "
            "a storm sank eleven boats and killed 87 men from the city. Families of the "
            "victims lent letters, photographs and knitted jumpers, each pattern specific to "
            "a family, used in the past to identify bodies recovered from the sea.",
            "Some long-standing visitors have grumbled that the famous model of the liner "
            "Aurelia, once the centrepiece of the main hall, has moved to a smaller room. But "
            "most reactions on opening day were enthusiastic. “I came here as a boy and "
            "thought it was dusty,” said Ray Collins, 74, a retired docker. “Now I "
            "have found my grandfather’s name on the wall.”",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "For a century this museum told the story of the ships. Now it tells the story of "
                "the people who built them, sailed them and waited for them to come home."
            ),
            "attribution": "Dr Oluwaseun Bright, director",
        },
        "fact_box": {
            "title": "The museum",
            "items": [
                "Founded 1911 in a former customs house",
                "9,400 objects on display, up from 3,100",
                "New wing in timber and glass overlooking the harbour",
                "Free entry for residents of the city",
            ],
        },
        "image_caption": (
            "Visitors in the new Emigration Hall of the Port Ellery Maritime Museum on opening day."
        ),
        "image_credit": "Nadia Osei / Dateline",
    },
    {
        "section": "culture",
        "headline": (
            "At 71, a former ferry captain publishes a debut novel critics are calling a small "
            "masterpiece"
        ),
        "standfirst": (
            "Agnes Holloway spent forty years crossing the same stretch of water. Her first "
            "novel, The Salt Orchard, set on an island she knows intimately, has sold out its "
            "first printing in a week."
        ),
        "dateline": "",
        "authors": ["lea-fontaine"],
        "tags": ["Books"],
        "paragraphs": [
            "Agnes Holloway captained the ferry between the mainland and the Rannoch Isles "
            "for almost four decades, and in that time estimates she made the crossing around "
            "28,000 times. Her debut novel, The Salt Orchard, published this month by the "
            "small independent press Lantern House, has sold out its first printing of 8,000 "
            "copies and is being reprinted.",
            "The book follows three generations of a family on a fictional island as its "
            "fishing industry collapses and its young people leave. It is written in spare, "
            "precise prose, with long passages describing weather, tides and work, and has "
            "been compared by reviewers to the best of mid-century rural fiction.",
            "“I wrote it in the wheelhouse, on the back of tide tables, during the quiet "
            "crossings,” Holloway said in an interview at her cottage. “There were "
            "a lot of quiet crossings.” She began writing about twenty years ago and "
            "finished a first draft in 2016, but put it in a drawer until a friend persuaded "
            "her to send it to publishers after she retired.",
            "Eleven publishers rejected the manuscript before Lantern House accepted it. Its "
            "publisher, Farida Nasser, said she read it in a single night. “Within ten "
            "pages I knew it was the real thing,” she said. “Some editors told her "
            "it was too quiet. They mistook quietness for a lack of drama.”",
            "The novel has already been longlisted for the Harwick Prize for Fiction, and "
            "translation rights have been sold in six countries. Holloway, who has two "
            "grandchildren and still swims in the sea most mornings, said the attention had "
            "been pleasant but exhausting. She is working on a second book, about a "
            "lighthouse keeper, and expects it to take “considerably less than twenty "
            "years”.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "I wrote it in the wheelhouse, on the back of tide tables, during the quiet "
                "crossings. There were a lot of quiet crossings."
            ),
            "attribution": "Agnes Holloway, author",
        },
        "fact_box": None,
        "image_caption": "Agnes Holloway at her home overlooking the Rannoch Sound.",
        "image_credit": "Camille Duret / Dateline",
    },
    {
        "section": "culture",
        "headline": (
            "Harwick Philharmonic names Paloma Ruiz-Castaño as its first woman music director"
        ),
        "standfirst": (
            "The 36-year-old Spanish conductor, who made her name with a series of acclaimed "
            "guest appearances, will take charge of the orchestra from the 2026 season."
        ),
        "dateline": "HARWICK",
        "authors": ["lea-fontaine"],
        "tags": ["Music"],
        "paragraphs": [
            "The Harwick Philharmonic Orchestra has appointed the Spanish conductor Paloma "
            "Ruiz-Castaño as its next music director, the first woman to hold the post in "
            "the orchestra’s 104-year history. She will succeed Viktor Hammar, who is "
            "stepping down after fourteen years, at the start of the 2026 season, on an "
            "initial five-year contract.",
            "Ruiz-Castaño, 36, first conducted the orchestra two years ago, stepping in at "
            "three days’ notice for an ill colleague in a programme of Sibelius and "
            "Ravel. Musicians said the performance, which was broadcast live on national "
            "radio, left a strong impression. She returned as a guest conductor twice last "
            "season.",
            "“An orchestra is not a machine you drive,” she said at a press "
            "conference at the Harwick Concert Hall. “It is a hundred people who have "
            "agreed, for two hours, to breathe together.” She said she wanted to expand "
            "the orchestra’s work in schools and commission at least two new pieces each "
            "season from living composers.",
            "The orchestra’s musicians, who have a formal vote in the appointment, "
            "backed her overwhelmingly. “We had three excellent candidates, and she was "
            "the one who made us play better than we thought we could,” said the "
            "principal cellist, Mikael Strand, who chaired the search committee.",
            "The appointment comes at a difficult moment for the orchestra, which reported a "
            "deficit of $1.8 million last year after cuts to its public funding. Its chief "
            "executive, Ruth Abiodun, said she hoped the new music director would attract new "
            "audiences and donors.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "An orchestra is not a machine you drive. It is a hundred people who have agreed, "
                "for two hours, to breathe together."
            ),
            "attribution": "Paloma Ruiz-Castaño, music director designate",
        },
        "fact_box": None,
        "image_caption": (
            "Paloma Ruiz-Castaño conducts the Harwick Philharmonic during a guest appearance "
            "last season."
        ),
        "image_credit": "Camille Duret / Dateline",
    },
    {
        "section": "culture",
        "headline": (
            "Review: The Lamplighters is a funny, furious play about a town that loses its last "
            "factory"
        ),
        "standfirst": (
            "Siobhan Kerrigan’s new drama at the Lyric Theatre is the best thing on a "
            "Harwick stage this year, powered by a superb central performance from Moses Adjei."
        ),
        "dateline": "HARWICK",
        "authors": ["lea-fontaine"],
        "tags": ["Theatre"],
        "paragraphs": [
            "There is a moment near the end of the first act of The Lamplighters when Frank "
            "Doherty, a maintenance fitter who has worked at the same lightbulb factory for "
            "31 years, is handed his redundancy letter and reads it aloud to his colleagues "
            "as if it were a poem. It is very funny, and then, without any change in tone, it "
            "becomes almost unbearable.",
            "Siobhan Kerrigan’s new play, which opened at the Lyric Theatre on "
            "Wednesday, is full of moments like that. Set in a fictional northern town over "
            "the six months between the announcement of a factory closure and its last shift, "
            "it follows Frank and five co-workers as they argue, plot, drink and occasionally "
            "try to save the place.",
            "Moses Adjei, best known for television comedy, is remarkable as Frank, a man who "
            "uses jokes as both a weapon and a shelter. He is matched by Ellen Fairweather as "
            "his union rep and sparring partner, whose long monologue about her father in the "
            "second act drew spontaneous applause on opening night.",
            "Kerrigan, who grew up in Brenford after its steelworks closed, said she wanted "
            "to avoid easy nostalgia. “I wanted to write about what happens to pride "
            "when the thing you were proud of closes on a Tuesday,” she said. The play "
            "is unsentimental about the factory itself, which all the characters agree was "
            "dirty, noisy and badly run.",
            "If there is a weakness, it is a subplot involving a sympathetic manager that "
            "feels underwritten. But that is a small complaint about a play that is angry, "
            "humane and frequently hilarious. The Lamplighters runs at the Lyric until "
            "October 19, and deserves a transfer to a larger stage.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "I wanted to write about what happens to pride when the thing you were proud of "
                "closes on a Tuesday."
            ),
            "attribution": "Siobhan Kerrigan, playwright",
        },
        "fact_box": None,
        "image_caption": ("Moses Adjei as Frank Doherty in The Lamplighters at the Lyric Theatre."),
        "image_credit": "Camille Duret / Dateline",
    },
    {
        "section": "culture",
        "headline": "Brenford’s new public library wins national architecture prize",
        "standfirst": (
            "The judges praised the building, converted from a disused steel rolling mill, as "
            "“a cathedral of public life” in a town that has seen its share of closures."
        ),
        "dateline": "BRENFORD",
        "authors": ["lea-fontaine"],
        "tags": ["Books"],
        "paragraphs": [
            "A public library built inside a former steel rolling mill in Brenford has won "
            "this year’s Ashworth Prize, the country’s most prestigious award for "
            "architecture. The judges described it as “a cathedral of public life” "
            "and praised the way it kept the industrial building’s vast scale while "
            "making it warm and welcoming.",
            "The library, designed by the practice Brandvold Okafor Architects, opened last "
            "year. Its main reading hall occupies the mill’s 140-metre central bay, with "
            "the original steel crane rails still running overhead. Timber reading rooms, a "
            "children’s library and a recording studio have been built as freestanding "
            "structures inside the shell.",
            "“People kept asking us why a struggling town needed a beautiful "
            "library,” said lead architect Ilse Brandvold. “We thought it was "
            "obvious: because it is a struggling town.” She said the design was shaped "
            "by workshops with residents, many of whom had worked at the mill or had parents "
            "who did.",
            "The building has been a popular success. It received about 410,000 visits in its "
            "first year, more than four times the total for the town’s old library. Its "
            "opening hours run until 9pm, and the council says it has become a place for "
            "homework clubs, job-hunting, craft groups and community meetings.",
            "The library cost $31 million, paid for by the town council with grants from the "
            "national heritage fund. The Ashworth Prize jury said it “demonstrates that "
            "public investment in good architecture is not a luxury but one of the most "
            "effective things a town can do for itself”.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "People kept asking us why a struggling town needed a beautiful library. We "
                "thought it was obvious: because it is a struggling town."
            ),
            "attribution": "Ilse Brandvold, lead architect",
        },
        "fact_box": None,
        "image_caption": (
            "The main reading hall of Brenford Library, inside the former rolling mill."
        ),
        "image_credit": "Oliver Brandt / Dateline",
    },
    {
        "section": "culture",
        "headline": (
            "Row over harbour mural divides Port Ellery as council considers painting it over"
        ),
        "standfirst": (
            "A 40-metre painting depicting the city’s dock strikes has drawn complaints from "
            "a property developer and a petition with 12,000 signatures in its defence."
        ),
        "dateline": "PORT ELLERY",
        "authors": ["lea-fontaine"],
        "tags": ["Museums", "Labour"],
        "paragraphs": [
            "A large mural on a harbour wall in Port Ellery, depicting dock workers striking "
            "in 1926 and 1979, has become the subject of a bitter dispute after the company "
            "redeveloping the neighbouring warehouse asked the city council to remove it. The "
            "council’s planning committee will discuss the request next month.",
            "The 40-metre painting, known as the Harbour Wall, was created in 2019 by an "
            "artist who works under the name Rook. It has become one of the city’s most "
            "photographed sights, and appears in tourist brochures produced by the same "
            "council now considering removing it.",
            "Quayside Living, which is converting the warehouse into 180 flats, says the "
            "mural sits on a wall it needs to repair and that its imagery, which includes a "
            "police charge, is “not in keeping” with the new development. It has "
            "offered to pay for a replacement artwork elsewhere in the city.",
            "A petition to save the mural has gathered more than 12,000 signatures. “Art "
            "in public space is supposed to start arguments,” said Mira Koskinen, a "
            "curator at the Port Ellery Contemporary gallery. “It is not supposed to be "
            "removed because it starts arguments.” Former dock workers have held a vigil "
            "beside the wall every Saturday for a month.",
            "The council’s legal position is complicated. The wall belongs to the city, "
            "but the mural was painted without formal permission and is not protected by any "
            "listing. Council leader Grace Oyelaran said she was “listening to all "
            "sides” and hoped a compromise, such as moving the painting onto new panels, "
            "could be found.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Art in public space is supposed to start arguments. It is not supposed to be "
                "removed because it starts arguments."
            ),
            "attribution": "Mira Koskinen, curator",
        },
        "fact_box": None,
        "image_caption": (
            "The Harbour Wall mural on Quay Street, painted in 2019 by the artist known as Rook."
        ),
        "image_credit": "Nadia Osei / Dateline",
    },
    {
        "section": "culture",
        "headline": (
            "Castlemoor Folk Festival sells out in record time as young audiences embrace old songs"
        ),
        "standfirst": (
            "All 18,000 weekend tickets went in under an hour, and organisers say a third were "
            "bought by people under 25, a shift they credit to a new generation of performers."
        ),
        "dateline": "CASTLEMOOR",
        "authors": ["lea-fontaine"],
        "tags": ["Music"],
        "paragraphs": [
            "Tickets for the Castlemoor Folk Festival sold out in 52 minutes this week, the "
            "fastest in the event’s 58-year history, and organisers say the audience is "
            "getting younger. About a third of the 18,000 weekend passes were bought by "
            "people aged under 25, compared with fewer than one in ten a decade ago.",
            "The festival, held in a valley outside the town each August, was founded in 1967 "
            "by a group of teachers and miners. For many years it had a loyal but ageing "
            "audience. Organisers said interest began to grow after a handful of young "
            "performers reached large audiences online with traditional songs performed in "
            "new ways.",
            "Among them is Róisín Gallagher, 24, whose recordings of old ballads "
            "accompanied only by a harmonium have been streamed tens of millions of times. "
            "“These songs were always about heartbreak, bad bosses and rent,” she "
            "said. “It turns out that is still what people want to sing about.” She "
            "will headline the festival’s Saturday night.",
            "This year’s line-up includes 96 acts across five stages, with a programme "
            "of workshops on fiddle, concertina and unaccompanied singing. The organisers "
            "have also added a stage dedicated to traditional music from the Balkans, West "
            "Africa and Brazil. Children under twelve go free, and a quiet camping field has "
            "been set aside for families and for older festivalgoers who would rather sleep "
            "than sing.",
            "The festival’s director, Hugh Cairns, said the organisers had resisted the "
            "temptation to grow too fast. “We could have sold 40,000 tickets,” he "
            "said. “But then it would stop being a folk festival and become a traffic "
            "jam with fiddles.” Around 2,000 day tickets will be released in July.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "These songs were always about heartbreak, bad bosses and rent. It turns out that "
                "is still what people want to sing about."
            ),
            "attribution": "Róisín Gallagher, singer",
        },
        "fact_box": None,
        "image_caption": "The main stage at Castlemoor Folk Festival at dusk last summer.",
        "image_credit": "Hannah Price / Dateline",
    },
    {
        "section": "culture",
        "headline": "Small Harwick studio’s game Lantern Street wins top narrative award",
        "standfirst": (
            "The five-person team behind a game about a night-shift postal worker beat titles "
            "from some of the world’s largest publishers at the International Game Writing "
            "Awards."
        ),
        "dateline": "HARWICK",
        "authors": ["lea-fontaine"],
        "tags": ["Technology"],
        "paragraphs": [
            "Lantern Street, a video game made by a five-person studio in a converted shop in "
            "Harwick’s Millbrook district, has won the top prize at the International "
            "Game Writing Awards, beating competition from studios with budgets hundreds of "
            "times larger. The game follows a night-shift postal worker delivering letters in "
            "a city where every household has a secret.",
            "The game has no combat. Players walk through a hand-painted city over twelve "
            "nights, reading letters before delivering them and deciding whether to deliver "
            "them at all. Each choice changes how residents treat the player and which "
            "stories are revealed. A complete playthrough takes around eight hours.",
            "“We could not afford explosions, so we had to make people care about a "
            "letter being delivered on time,” said Tomasz Wiśniewski, the "
            "studio’s writer and co-founder. The judges praised its “unusually "
            "humane writing” and its handling of grief, which is the subject of several "
            "of the game’s most memorable letters.",
            "Little Owl Games was founded in 2020 by Wiśniewski, a former newspaper "
            "sub-editor, and the artist Hana Okafor. They funded the first two years of "
            "development with savings and a grant from the national arts council’s "
            "digital programme. Lantern Street has sold about 640,000 copies since it was "
            "released in March.",
            "The studio says it will use the money from its success to hire three more people "
            "and begin work on a second game. “We are going to stay small,” said "
            "Okafor. “Small is the only reason we got to make something this "
            "strange.”",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "We could not afford explosions, so we had to make people care about a letter "
                "being delivered on time."
            ),
            "attribution": "Tomasz Wiśniewski, writer and co-founder of Little Owl Games",
        },
        "fact_box": None,
        "image_caption": (
            "A scene from Lantern Street, in which the player delivers post through a city at "
            "night."
        ),
        "image_credit": "Little Owl Games / Dateline",
    },
    {
        "section": "culture",
        "headline": (
            "Lost silent film found in farmhouse attic is restored and screened for first time in "
            "a century"
        ),
        "standfirst": (
            "Nine reels of The Ferryman’s Daughter, a 1923 melodrama long believed "
            "destroyed, were found in tins beneath a pile of curtains and have been painstakingly "
            "restored."
        ),
        "dateline": "HARWICK",
        "authors": ["lea-fontaine"],
        "tags": ["Film"],
        "paragraphs": [
            "A silent feature film from 1923 that was believed to have been lost for ever was "
            "shown to an audience on Friday for the first time in a century, after reels of "
            "the original nitrate print were found in a farmhouse attic. The screening of The "
            "Ferryman’s Daughter, with a live orchestral score, opened the National Film "
            "Archive’s annual festival of restored films.",
            "The film was found last year by Maggie Colville, who was clearing her late "
            "aunt’s farmhouse near Castlemoor. In the attic she discovered nine metal "
            "film cans under a pile of old curtains. Her aunt’s father had worked as a "
            "projectionist at a travelling cinema in the 1920s. “I nearly put them in "
            "the skip,” Ms Colville said.",
            "The Ferryman’s Daughter, directed by Hubert Lane, was one of the biggest "
            "box-office successes of its year but no copy was known to survive. The original "
            "nitrate film stock is highly flammable and decomposes over time. Archivists "
            "estimate that about three-quarters of all silent films have been lost.",
            "“The nitrate was going to turn to powder in another few years,” said "
            "Dr Margit Sørensen, head of restoration at the archive. “We got there "
            "just in time, and the film is astonishingly beautiful.” Her team spent "
            "fourteen months scanning the film frame by frame and repairing scratches, tears "
            "and chemical damage, working from two damaged copies of some scenes.",
            "The film tells the story of a ferryman’s daughter who falls in love with a "
            "young engineer building a bridge that will put her father out of work. Film "
            "historians say it is notable for its location shooting on the river Sorva and "
            "its unusually sympathetic portrayal of working life. It will be released on the "
            "archive’s streaming service next year.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "The nitrate was going to turn to powder in another few years. We got there just "
                "in time, and the film is astonishingly beautiful."
            ),
            "attribution": ("Dr Margit Sørensen, head of restoration at the National Film Archive"),
        },
        "fact_box": None,
        "image_caption": (
            "A restored frame from The Ferryman’s Daughter, showing the actress Dorothy Vane "
            "on the riverbank."
        ),
        "image_credit": "National Film Archive / Dateline",
    },
    {
        "section": "culture",
        "headline": "Nurse’s collection about night shifts wins the Harwick Prize for Poetry",
        "standfirst": (
            "Femi Adeyinka’s Obs, written in the hours between ward rounds over a decade, "
            "beat four established poets to the country’s richest poetry prize."
        ),
        "dateline": "HARWICK",
        "authors": ["lea-fontaine"],
        "tags": ["Books"],
        "paragraphs": [
            "Femi Adeyinka, a nurse who has worked night shifts on a medical ward in Port "
            "Ellery for fourteen years, has won the Harwick Prize for Poetry for his first "
            "full collection, Obs. The prize, worth $30,000, was presented at a ceremony in "
            "Harwick on Tuesday night.",
            "The collection takes its title from the routine observations nurses carry out on "
            "patients through the night: pulse, blood pressure, temperature, breathing. Many "
            "of the poems are built around these measurements, using them as a rhythm for "
            "reflections on illness, exhaustion, tenderness and death.",
            "“These are poems about the strangers we sit with at four in the "
            "morning,” Adeyinka said in his acceptance speech. “They deserve to be "
            "taken seriously.” He thanked his colleagues, several of whom were in the "
            "audience, and said he had written most of the collection on scraps of paper "
            "during breaks.",
            "The chair of the judges, the poet and critic Isobel Warrender, said the panel "
            "had been unanimous. “It is a book of enormous precision and enormous "
            "heart,” she said. “It does something poetry has always done at its "
            "best, which is to pay close attention to people society does not look at "
            "closely.”",
            "Adeyinka said he would use the prize money to pay off his student loans and take "
            "a month’s unpaid leave to write. He does not intend to give up nursing. "
            "“The ward is where the poems come from,” he said. “If I left, I "
            "would have nothing to write about except being a poet, and nobody needs another "
            "book about that.”",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "These are poems about the strangers we sit with at four in the morning. They "
                "deserve to be taken seriously."
            ),
            "attribution": "Femi Adeyinka, poet and nurse",
        },
        "fact_box": None,
        "image_caption": (
            "Femi Adeyinka reads from Obs at the Harwick Prize ceremony on Tuesday evening."
        ),
        "image_credit": "Camille Duret / Dateline",
    },
    {
        "section": "culture",
        "headline": (
            "Literary translators protest as publisher trials machine translation for backlist "
            "titles"
        ),
        "standfirst": (
            "More than 400 translators have signed an open letter objecting to Meridian "
            "Books’ plan to use AI tools to translate out-of-print novels, saying the move "
            "threatens both jobs and quality."
        ),
        "dateline": "",
        "authors": ["lea-fontaine"],
        "tags": ["Books", "AI"],
        "paragraphs": [
            "More than 400 literary translators have signed an open letter criticising "
            "Meridian Books, one of the country’s largest publishers, over its plan to "
            "use artificial intelligence to translate a selection of out-of-print novels into "
            "other languages. The letter, published on Monday, calls on the publisher to "
            "abandon the trial and commit to using human translators for all its fiction.",
            "Meridian announced last month that it would use a machine translation system to "
            "produce draft translations of about 60 backlist titles into German, Spanish and "
            "Polish, which would then be revised by human editors. The company said the books "
            "would otherwise never be translated because the potential sales were too small "
            "to justify the cost.",
            "Translators say the plan misunderstands their work. “A translation is not a "
            "conversion of units,” said Élodie Marchetti, who has translated more "
            "than thirty novels from French and Italian. “It is a second author making "
            "thousands of choices, and those choices are the book the reader actually "
            "reads.” The letter also warns that editors paid to fix machine output earn "
            "a fraction of a translator’s fee.",
            "Meridian’s publishing director, Hugo Lindqvist, said the trial was limited "
            "and would be evaluated carefully. “Nobody is replacing translators on our "
            "new books,” he said. “This is about books that are currently dead in "
            "other languages. We think a good edited translation is better than none.” "
            "He said all the books would be clearly labelled.",
            "Several authors whose books are part of the trial have asked to withdraw. The "
            "Society of Authors said contracts signed decades ago did not anticipate the "
            "technology and that publishers should seek writers’ consent. The debate "
            "echoes disputes in other creative industries over the use of AI systems trained "
            "on existing work.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "A translation is not a conversion of units. It is a second author making "
                "thousands of choices, and those choices are the book the reader actually reads."
            ),
            "attribution": "Élodie Marchetti, translator",
        },
        "fact_box": None,
        "image_caption": (
            "Translators and authors gather outside Meridian Books’ Harwick offices on Monday."
        ),
        "image_credit": "Camille Duret / Dateline",
    },
    {
        "section": "culture",
        "headline": "The Blue Anchor jazz club saved from closure by musicians’ buyout",
        "standfirst": (
            "A cooperative of 140 musicians and regulars has bought the basement venue where "
            "generations of Harwick players cut their teeth, weeks before it was due to become a "
            "wine bar."
        ),
        "dateline": "HARWICK",
        "authors": ["lea-fontaine"],
        "tags": ["Music"],
        "paragraphs": [
            "The Blue Anchor, a basement jazz club in Harwick’s old town that has hosted "
            "live music six nights a week since 1962, has been saved from closure after a "
            "cooperative of musicians and regular customers raised $1.2 million to buy the "
            "lease and the business. The club had been due to close at the end of the month "
            "and reopen as a wine bar.",
            "The cooperative has 140 members, each of whom contributed at least $2,000, and "
            "received a loan from a community investment fund. Members will elect a board, "
            "and the club’s longtime manager, Errol Baptiste, has agreed to stay on. The "
            "famous Tuesday jam session, open to anyone with an instrument, will continue.",
            "“Every musician in this city has a Blue Anchor story, and most of them are "
            "about the first time they were terrible in public,” said the saxophonist "
            "Delphine Osei-Mensah, who led the fundraising. She played her first professional "
            "gig at the club in 1998, aged seventeen, and said she still remembered the owner "
            "telling her to “play less and listen more”.",
            "The previous owner, who is retiring, said she had received a higher offer from a "
            "hospitality group but preferred to sell to people who wanted to keep the music "
            "going. The club holds about 120 people and relies on ticket and bar sales, "
            "receiving no public funding.",
            "Live music venues in Harwick have been closing at a rate of about one a year, "
            "according to the city’s music industry association, squeezed by rising "
            "rents and noise complaints from new residential developments. The association "
            "said the cooperative model could become a lifeline for other small venues.",
        ],
        "subheading": "",
        "pull_quote": {
            "quote": (
                "Every musician in this city has a Blue Anchor story, and most of them are about "
                "the first time they were terrible in public."
            ),
            "attribution": "Delphine Osei-Mensah, saxophonist",
        },
        "fact_box": None,
        "image_caption": (
            "The Tuesday jam session at the Blue Anchor, which has run almost without a break "
            "since 1962."
        ),
        "image_credit": "Camille Duret / Dateline",
    },
]

# LONG_READ["subheadings"] maps a paragraph index to the subheading shown
# directly before that paragraph.
LONG_READ: dict = {
    "section": "science",
    "headline": "The village the drought gave back",
    "standfirst": (
        "For sixty-six years Kettlewick lay at the bottom of the reservoir that waters Harwick. "
        "This summer the lake shrank to its lowest level on record, and the drowned village came "
        "up for air, bringing its history, its dead and some awkward questions about water with "
        "it."
    ),
    "dateline": "CARROW VALLEY",
    "authors": ["soren-vedel"],
    "tags": ["Climate", "Archaeology"],
    "paragraphs": [
        "Edith Parr came down to the village on a Tuesday morning in August, in a borrowed "
        "pair of wellington boots and with a walking stick in each hand. It took her twenty "
        "minutes to cover the two hundred metres from the new shoreline to the place where "
        "her front door used to be. The mud was cracked into plates the size of dinner trays, "
        "and in between them it was soft enough to swallow a boot. Her grandson held her "
        "elbow. When they reached the step, a slab of grey sandstone worn into a shallow dip "
        "in the middle, she stood on it for a long time without saying anything.",
        "“I used to sit here and shell peas,” she said eventually. “My mother "
        "would put the bowl between my knees and I would do the whole lot and eat half of "
        "them.” She was twenty-two when she left Kettlewick in the spring of 1958, a few "
        "weeks before the valves on the new dam were closed and the River Carrow began to "
        "back up over the fields. She had not seen the step since. Nobody had. For sixty-six "
        "years it had been under thirty metres of water. “I had been told all my life "
        "that the village was gone,” she said. “It was not gone. It was waiting, "
        "like a dog under a table.”",
        "This summer the water went away. After the driest spring and summer in the catchment "
        "since records began, Lake Carrow, the reservoir that supplies most of Harwick’s "
        "drinking water, fell to 23 percent of its capacity in the middle of August. As the "
        "shoreline crept down the valley sides, first a chimney stack appeared, then the "
        "tower of St Oswald’s church, then the lines of field walls, the hump of a "
        "packhorse bridge and finally the whole of Kettlewick’s main street, laid out in "
        "the silt like a map of itself.",
        "It has made the village briefly famous. On some weekends, the water company "
        "estimates, more than 5,000 people have walked across the lakebed to look at it. "
        "Television crews have filmed the church tower at dawn. Archaeologists have been "
        "racing to record what they can before the rain returns. And in the city thirty "
        "kilometres downstream, the sight of the drowned village has become an unwelcome "
        "symbol of a more practical question: what happens when the reservoir a city was "
        "built around does not fill up again?",
        "Harwick grew fast after the war. Between 1945 and 1955 its population rose by almost "
        "a third, and the city’s engineers, who were still relying largely on wells and "
        "a Victorian reservoir in the hills to the north, warned that demand for water would "
        "soon outstrip supply. A parliamentary committee considered six possible sites for a "
        "new reservoir. The Carrow valley won because it was deep, narrow at its lower end "
        "and lined with hard rock that would not leak. It also had comparatively few people "
        "living in it, which in the language of the committee’s report made it “the "
        "least disruptive option”.",
        "The people who did live there did not see it that way. Kettlewick was not a large "
        "place: 41 houses, a church, a school with two classrooms, a pub called the Woolpack, "
        "a smithy and two farms spread along the valley floor. But families had lived there "
        "for centuries. The church registers, which went back to 1583, recorded the same "
        "surnames in the sixteenth century as in the twentieth. The Parrs, the Haighs and the "
        "Ackroyds appear on almost every page.",
        "Opposition was fierce and, in the end, useless. A petition signed by every adult in "
        "the village was presented to Parliament in 1952. The vicar, the Reverend Arthur "
        "Dimmock, wrote to the newspapers, including this one, arguing that “a "
        "city’s thirst does not give it the right to drink a village”. The "
        "compulsory purchase orders went through all the same. Families were offered "
        "compensation based on the value of their houses, which in a remote valley with no "
        "mains electricity was not very much, and new council houses in a purpose-built "
        "estate on the edge of the market town of Aldbury.",
        "Edith Parr’s father was a shepherd. The family moved to Aldbury in April 1958, "
        "taking the furniture on a borrowed lorry and the sheep, which had been sold, on a "
        "different lorry in the opposite direction. “He never really recovered,” "
        "she said. “He had a garden the size of a tablecloth and a view of a bus stop. "
        "He used to go and stand at the top of the hill and look at the water. My mother said "
        "he was checking it was still there.”",
        "Before the valley was flooded, the buildings were partly demolished. Roofs were "
        "taken off so that timbers would not float up and damage the dam’s intake, and "
        "the church bells were removed and hung in a new church in Aldbury, where they still "
        "ring. What remained of the walls was left to the water. Engineers expected the stone "
        "to collapse and disappear under the silt within a few decades. Instead, the cold, "
        "still, dark water preserved it remarkably well.",
        "Dr Helen Ashcroft has spent most of her career studying medieval farmsteads, and she "
        "admits that she never expected to do fieldwork wearing a life jacket. Since the end "
        "of June she has led a small team from the University of Castlemoor’s "
        "archaeology department, working with volunteers and the county heritage service, to "
        "survey Kettlewick before it goes under again. They have mapped every visible wall "
        "with drones and a laser scanner, photographed thousands of objects where they lie, "
        "and recovered a few hundred of the most fragile or vulnerable.",
        "“What the water kept is a snapshot of a village in 1958, with older layers "
        "underneath,” she said, standing in what had been the schoolroom, now a "
        "rectangle of knee-high walls around a floor of grey mud. “The people who left "
        "took what they could carry. What they could not carry, or did not want, is still "
        "here.” Her team has found bottles, clay pipes, enamel signs, a child’s "
        "leather shoe, bed springs, a mangle and, in the schoolroom, a slate with a row of "
        "sums still faintly scratched on it.",
        "The older layers are in some ways more interesting to the archaeologists. Erosion by "
        "the water, which rises and falls by several metres each year even in normal times, "
        "has scoured away topsoil in places, exposing the foundations of buildings that had "
        "vanished long before the reservoir was built. Beside the church, the team found the "
        "outline of a much larger timber hall, which they believe dates from the twelfth "
        "century. Pottery fragments suggest people were living on the site a thousand years "
        "before the first Parr appears in the registers.",
        "There is a tension in the work. The same exposure that allows archaeologists to see "
        "the village is also destroying it. Walls that survived sixty years underwater are "
        "now drying out and cracking in the sun, and the fine silt that protected them is "
        "blowing away. Visitors, however careful, pick things up. Metal detectorists, most of "
        "them responsible, some of them not, have been seen on the lakebed at night, and the "
        "heritage service has asked police to patrol the site.",
        "“Everything we do here is a compromise between knowledge and damage,” said "
        "Dr Ashcroft. “If we dig, we destroy. If we leave it, the weather destroys it. "
        "What we are trying to do is make a record that is good enough that, when the water "
        "comes back, we will not regret anything.” The laser scans will be turned into a "
        "detailed digital model of the village, which the university plans to make freely "
        "available online. Former residents have been invited to walk through it in a virtual "
        "reality headset and say who lived where.",
        "For the engineers who run Lake Carrow, the village has been an inconvenient backdrop "
        "to a far more pressing problem. The reservoir supplies drinking water to about 1.3 "
        "million people in Harwick and its suburbs, and this year it came closer to running "
        "low than at any time in its history. A hosepipe ban has been in place across the "
        "region since the middle of June. In early August, the water company drew up "
        "contingency plans for rota cuts to the supply in some outer suburbs, although they "
        "have not, so far, been needed.",
        "The immediate cause is simple. Between March and August, the Carrow catchment "
        "received less than half its usual rainfall, and the rain that did fall arrived in "
        "short, heavy bursts onto ground that had been baked hard, so much of it ran off "
        "quickly rather than soaking in. Temperatures were also unusually high for long "
        "periods, increasing evaporation from the surface of the lake and from the soil and "
        "vegetation around it. Reservoir engineers measure inflows, and this year the inflows "
        "simply did not arrive.",
        "But the hydrologists who study the valley say the drought also exposed longer-term "
        "problems. Professor Alan Whitfield of the Northern Institute of Technology has been "
        "modelling the Carrow catchment for twenty years. His data show that summer rainfall "
        "in the valley has declined by about 12 percent since the 1970s, while winter "
        "rainfall has increased. “The reservoir was designed for a climate where the wet "
        "season topped it up and the dry season drew it down gently,” he said. “We "
        "are moving towards one where the winters are wetter, the summers are drier and the "
        "droughts are longer. The design assumptions are sixty years old.”",
        "Climate models for the region suggest that summers like this one, currently rare, "
        "could occur roughly one year in three by the 2050s. That does not mean the reservoir "
        "will run dry. Wet winters may still fill it. But it means the margin for error is "
        "narrowing, and that a run of two or three dry years, such as the region experienced "
        "briefly in the 1970s, could leave the city seriously short.",
        "Demand is part of the story too. Harwick’s population has roughly doubled since "
        "the dam was built, and although average water use per person has fallen since its "
        "peak in the 1990s, the total taken from the reservoir has continued to rise. The "
        "water company loses about a fifth of the water it treats through leaks in its pipes "
        "before it reaches any tap, a rate it says is falling but which critics point out has "
        "barely changed in a decade.",
        "Marianne Okeke, the company’s director of water resources, does not dispute "
        "that the system is under strain. She points to a $900 million programme to replace "
        "old mains, a new pipeline that will allow water to be transferred from a river to "
        "the east during droughts, and plans for a smaller reservoir in a neighbouring "
        "valley. “This summer was a warning, not a failure,” she said. “The "
        "taps stayed on. But we would be foolish to look at that church tower and not "
        "understand what it is telling us.”",
        "The crowds began to arrive in July, after photographs of the church tower spread on "
        "social media. At first the water company tried to discourage them, worried about "
        "people getting stuck in the mud. By August it had given up and instead set out a "
        "marked path across the firmest part of the lakebed, with stewards, a first aid tent "
        "and a temporary car park in a farmer’s field. A local bakery sold out of pies "
        "by lunchtime most weekends. On one Sunday, the queue of cars waiting to enter the "
        "valley stretched for four kilometres.",
        "Not everyone followed the path. The valley’s mountain rescue team was called "
        "out nine times in six weeks, mostly to walkers who had sunk to their thighs in soft "
        "silt near the old river channel. One man had to be pulled out by a team using "
        "ladders laid across the mud. “It looks like a beach. It is not a beach,” "
        "said the team leader, Gareth Mowbray. “It is sixty years of sediment that has "
        "never been walked on, and some of it is the consistency of custard.”",
        "The most delicate issue concerned the churchyard. In 1957, the remains of the dead "
        "buried at St Oswald’s were supposed to be exhumed and reburied in Aldbury, "
        "along with their headstones. Records show that about 300 burials were moved. But the "
        "registers list many more people buried in the churchyard over four centuries, and "
        "historians have long suspected that older, unmarked graves were simply left in "
        "place. In late July, a visitor reported finding what appeared to be human bone "
        "eroding out of the bank beside the church wall.",
        "The police and the coroner were informed, as the law requires, and the churchyard "
        "was fenced off. Archaeologists confirmed that the remains were historic, probably "
        "from the eighteenth century or earlier. The discovery upset some former residents "
        "and their families, who had been told in the 1950s that the churchyard had been "
        "cleared. It also prompted an unusual debate about what should be done. Should the "
        "remains be recovered and reburied, or left where they were, to be covered again by "
        "the water?",
        "After consultation with the diocese, the heritage service and the Kettlewick "
        "families, the decision was made to leave undisturbed graves as they are, and to "
        "rebury any exposed remains within the churchyard itself, at a greater depth, with a "
        "short service. The Bishop of Aldbury conducted it on a grey morning in mid-August, "
        "in front of a small crowd of descendants standing on the mud. “These people "
        "were not moved when the living were moved,” he said. “They have been at "
        "home all along.”",
        "There are not many people left who remember Kettlewick as a living place. Of the 212 "
        "people who were moved out, the Kettlewick Families Association believes fewer than "
        "twenty are still alive, and most of them were children at the time. But the "
        "association has around 400 members, mostly children and grandchildren of residents, "
        "and this summer it has been busier than at any time in its fifty-year history, "
        "organising visits, collecting photographs and recording interviews with the oldest "
        "survivors.",
        "Joan Ackroyd, who chairs the association, grew up hearing stories about the village "
        "from her mother, who was eleven when the family left. “It was like a fairy tale "
        "in our house,” she said. “A place under the lake where everything was "
        "better. I always assumed half of it was exaggerated.” Walking down the main "
        "street this summer, she found the pub, the school and the smithy exactly where her "
        "mother had said they would be. “She was right about everything. She was even "
        "right about the bend in the road where the bus used to get stuck.”",
        "Some younger members of the association want something more permanent. There have "
        "been calls for a memorial on the shore, for the school slate and other objects to be "
        "displayed in a museum, and for the water company to formally acknowledge the harm "
        "done to the community in the 1950s. The company has said it is willing to discuss a "
        "memorial and has offered to fund a small exhibition in Aldbury’s library. It "
        "has not offered an apology, and its lawyers are understood to be cautious about the "
        "word.",
        "Others are uneasy with the attention. Several families have complained about "
        "visitors taking selfies on the church steps or picnicking in the ruins of houses "
        "where their grandparents lived. “People treat it like a theme park,” said "
        "one woman whose family farmed at the top of the village, and who asked not to be "
        "named. “It is not a theme park. It is somebody’s kitchen.” The "
        "association has put up signs asking visitors to remember that the village was home "
        "to real people, and to leave everything where they find it.",
        "By the first week of September, the weather had begun to change. A series of "
        "Atlantic low-pressure systems brought heavy rain to the hills, and the streams that "
        "feed Lake Carrow, most of which had dried to trickles, began to run again. The water "
        "company expects the reservoir to refill over the winter if rainfall is close to "
        "normal. The hosepipe ban will remain in place until the level recovers to at least "
        "60 percent. By spring, if the forecasts are right, Kettlewick will once again be "
        "under water.",
        "The archaeologists are using every dry day they have. Dr Ashcroft’s team plans "
        "to complete the laser survey of the church and the area around the old bridge before "
        "the water reaches them, and to take sediment cores from the former village pond, "
        "which may preserve pollen and seeds that reveal how the valley was farmed over the "
        "centuries. Some of the objects recovered this summer will go on display in Aldbury "
        "next year. The rest will be catalogued, stored and, perhaps, studied by people who "
        "have not yet been born.",
        "For the hydrologists, the lesson is less romantic. Professor Whitfield argues that "
        "the city needs to plan for droughts that are longer and more frequent than the ones "
        "its water system was built to survive. That means fixing leaks, reducing demand, "
        "finding new sources and being honest with the public about how close this summer "
        "came to real shortages. “A drowned village is very photogenic,” he said. "
        "“A dry tap is not. I would rather we paid attention to the first so we never "
        "have to photograph the second.”",
        "Edith Parr has no intention of coming back to the lakebed. One visit, she says, was "
        "enough. But she has asked her grandson to take one more photograph of the doorstep "
        "before the water covers it, and she keeps a print of it on her kitchen windowsill in "
        "Aldbury, where she has lived for sixty-six years and where, she admits, she has been "
        "perfectly happy. “It was a good place to be a child,” she said. “That "
        "is all a village has to be. I am glad it got to see the sky again, and I am glad it "
        "is going back to sleep.”",
    ],
    "subheading": "",
    "pull_quote": {
        "quote": (
            "I had been told all my life that the village was gone. It was not gone. It was "
            "waiting, like a dog under a table."
        ),
        "attribution": "Edith Parr, born in Kettlewick in 1936",
    },
    "fact_box": {
        "title": "Lake Carrow and Kettlewick",
        "items": [
            "Reservoir built 1954 to 1958 to supply Harwick",
            "Capacity: about 62 billion litres when full",
            "Supplies drinking water to roughly 1.3 million people",
            "212 residents relocated; 41 houses, a church, a school and two farms flooded",
            "Level in mid-August: 23% of capacity, the lowest since it first filled",
            "Rainfall in the catchment from March to August: 48% of the long-term average",
        ],
    },
    "image_caption": (
        "The tower of St Oswald’s church and the walls of Kettlewick’s main street, "
        "exposed by the falling waters of Lake Carrow in August."
    ),
    "image_credit": "Kristian Lund / Dateline",
    "subheadings": {
        4: "A lake that was never a lake",
        9: "What the water kept",
        14: "The arithmetic of a dry year",
        20: "Tourists, trespassers and the dead",
        25: "Who owns a memory",
        29: "When the rain comes back",
    },
}

COMMENTERS: list[dict] = [
    {
        "name": "Margaret Holloway",
        "email": "mholloway@example.com",
        "website": "",
    },
    {
        "name": "Tom Brannigan",
        "email": "tom.brannigan@example.com",
        "website": "",
    },
    {
        "name": "Aisha Karimi",
        "email": "aisha.k@example.com",
        "website": "https://aishakarimi.example",
    },
    {
        "name": "Gerald Fenwick",
        "email": "gfenwick@example.com",
        "website": "",
    },
    {
        "name": "Lucía Montes",
        "email": "lucia.montes@example.com",
        "website": "",
    },
    {
        "name": "Bjørn Aasen",
        "email": "bjorn.aasen@example.com",
        "website": "https://aasen-photo.example",
    },
    {
        "name": "Kwame Asante",
        "email": "kwame.asante@example.com",
        "website": "",
    },
    {
        "name": "Rachel Whitmore",
        "email": "rwhitmore@example.com",
        "website": "",
    },
    {
        "name": "Dev Patel",
        "email": "devpatel@example.com",
        "website": "https://devwrites.example",
    },
    {
        "name": "Siobhan O’Connell",
        "email": "siobhan.oc@example.com",
        "website": "",
    },
    {
        "name": "Henrik Lund",
        "email": "henrik.lund@example.com",
        "website": "",
    },
    {
        "name": "Fatima Zahra Benali",
        "email": "fz.benali@example.com",
        "website": "",
    },
    {
        "name": "Peter Okafor",
        "email": "p.okafor@example.com",
        "website": "",
    },
    {
        "name": "Hélène Girard",
        "email": "helene.girard@example.com",
        "website": "https://helenegirard.example",
    },
    {
        "name": "Callum Reid",
        "email": "callum.reid@example.com",
        "website": "",
    },
    {
        "name": "Mei Lin Tan",
        "email": "meilin.tan@example.com",
        "website": "",
    },
    {
        "name": "Old Harbour Resident",
        "email": "oldharbour@example.com",
        "website": "",
    },
    {
        "name": "Jonas Weber",
        "email": "jonas.weber@example.com",
        "website": "",
    },
    {
        "name": "Nuala Byrne",
        "email": "nuala.byrne@example.com",
        "website": "https://nualabyrne.example",
    },
    {
        "name": "Samir Haddad",
        "email": "samir.h@example.com",
        "website": "",
    },
    {
        "name": "Ingrid Thorsen",
        "email": "ingrid.thorsen@example.com",
        "website": "",
    },
    {
        "name": "Marcus Bell",
        "email": "marcus.bell@example.com",
        "website": "",
    },
    {
        "name": "Zofia Nowak",
        "email": "zofia.nowak@example.com",
        "website": "",
    },
    {
        "name": "Ray Collins",
        "email": "raycollins@example.com",
        "website": "",
    },
    {
        "name": "Ana Sofía Reyes",
        "email": "anasofia.reyes@example.com",
        "website": "https://anasofia.example",
    },
]

COMMENT_TEXTS: list[str] = [
    "Clear, well-sourced and no hysterics. This is why I still pay for a subscription.",
    "Thanks for covering this properly. Most outlets gave it two paragraphs and a stock photo.",
    "I’d like to see the full figures behind the numbers quoted here. Is there a link to "
    "the original report?",
    "Interesting piece, but I think it’s too kind to the officials involved. They have "
    "been promising the same thing for years.",
    "My family has lived through exactly this. Reading it was hard, but I’m glad "
    "somebody wrote it down.",
    "Could the Courier do a follow-up in six months? It would be good to know whether any of "
    "these promises were kept.",
    "The quote from the expert in the fifth paragraph says it all, really.",
    "I disagree with the framing here. The article presents it as a done deal when there is "
    "still plenty of debate among people who know the subject.",
    "Really useful fact box. I’ve shared it with my students as an example of how to "
    "summarise a complicated story.",
    "Genuine question: who is actually paying for this? The article mentions the cost but not "
    "where the money comes from.",
    "This is the kind of story that never makes the front page but probably matters more than "
    "most of what does.",
    "I was there last week and can confirm the scale is hard to take in unless you see it for "
    "yourself.",
    "Excellent reporting as always. The detail about the timeline was new to me.",
    "I’m not convinced. We heard very similar things ten years ago and very little "
    "changed.\n\nThat said, the people quoted seem to be taking it seriously this time, so "
    "maybe I’ll be pleasantly surprised.",
    "A small correction: I believe the figure in the third paragraph is from last year’s "
    "report, not this year’s. Happy to be proven wrong.",
    "For anyone who wants more background, the researchers published an accessible summary "
    "here: https://openresearch.example/summary",
    "Why is it always the same people who pay when things go wrong?",
    "Brilliant, thank you. Forwarded to my whole family group chat, which is the highest "
    "honour I can give.",
    "The photograph at the top is stunning. Please credit the photographers more prominently, "
    "they deserve it.",
    "As someone who works in this field, I’d say the article gets the basics right but "
    "underplays how long all of this takes in practice.",
    "I remember when this was first proposed. Everyone said it would never happen. Good to "
    "see it did.",
    "Is there any word on what happens to the people who are left out of this arrangement? "
    "The piece doesn’t really say.",
    "Well written, but a bit one-sided. It would have been good to hear from someone who "
    "opposes the plan in more than one sentence.",
    "The last paragraph is doing a lot of work. I’d love a whole article on that point alone.",
    "Honestly, reading this made my morning. Some good news for a change.",
    "I’m old enough to remember the last time this happened, and I’m not sure we "
    "learned anything from it.",
    "Thank you for explaining this without jargon. I finally understand what all the fuss is "
    "about.",
    "The comment section on every article about this turns into the same argument. Can we try "
    "to stick to what the article actually says?",
    "I would gently point out that the people who know the place best were barely consulted, "
    "and it shows.\n\nI’ve lived here for thirty years. Nobody from the council or the "
    "company has ever knocked on my door to ask what we think.",
    "Good piece. One thing missing is the international comparison. Other countries have "
    "tried this and the results were mixed.",
    "This deserves much wider coverage. Sharing.",
    "The numbers don’t quite add up for me. If costs rose by a third, how does the "
    "budget still balance?",
    "I work nights and read the Courier on my break. This one kept me going until the end of "
    "the shift.",
    "Somebody should tell the people making these decisions that it’s possible to just "
    "ask the public first.",
    "The headline oversells it a bit. The article itself is much more careful, which I appreciate.",
    "I know one of the people quoted in this piece and they are exactly as sensible in real life.",
    "Is the full interview available anywhere? It sounds like there was a lot more to say.",
    "Fascinating. I had no idea any of this was happening so close to home.",
    "My grandfather used to talk about this. I wish he’d lived to read it.",
    "Fair and balanced reporting on a subject that usually produces neither. Well done.",
    "I think the reporter is right that the real test comes later. Announcements are easy.",
    "There’s a longer discussion of the history in this blog post, which is worth a read "
    "if you have twenty minutes: https://localhistory.example/posts/the-long-view",
    "I’m surprised nobody mentions the environmental impact. Surely that should be part "
    "of the story?",
    "Not a single mention of the workers who will actually have to make this happen. Typical.",
    "Thank you, Courier. This is public service journalism.",
    "Can someone explain why this took so long? The problem has been obvious for years.",
    "I’m of two minds. On one hand it’s clearly needed. On the other, I don’t "
    "trust the people in charge of delivering it.\n\nI’ll wait and see, I suppose, which "
    "is what we always end up doing.",
    "Brilliant quote from the mayor. Put it on a mug.",
    "The map in the print edition was very helpful. Any chance of adding it to the online version?",
    "As a former teacher, I find this both hopeful and slightly depressing. We knew all of "
    "this decades ago.",
    "I’d like to know more about the people behind the numbers. Perhaps a follow-up with "
    "some of their stories?",
    "This is the first article on the subject that doesn’t treat readers as idiots. Thank you.",
    "Slightly off topic, but is the Courier going to cover the public meeting next week? It "
    "would be good to have a reporter there.",
    "I appreciate that the article includes the opposing view, even if I think that view is wrong.",
    "The experts quoted all seem to come from the same two universities. Is there nobody else "
    "working on this?",
    "Read it twice. Still angry. Still glad I read it.",
    "The comparison with the previous decade is really striking. I hadn’t realised how "
    "much had changed.",
    "Useful context in the second half. I’d skipped the earlier coverage and this caught "
    "me up completely.",
    "We need more of this and less of the daily noise. Long may it continue.",
    "For balance, the official statement is here and is worth reading in full rather than "
    "relying on the quotes: https://gov-press.example/statements/latest",
]

REPLY_TEXTS: list[str] = [
    "Fair point, but I think you’re underestimating how much has actually changed.",
    "Source?",
    "Completely agree with this.",
    "I had the same reaction when I first read it.",
    "Not sure that’s quite right. The article says something slightly different in the "
    "fourth paragraph.",
    "Thanks for sharing, I hadn’t seen that.",
    "This. Exactly this.",
    "I see where you’re coming from, but the figures in the piece don’t really support that.",
    "Respectfully, I think you’ve missed the point the article is making.",
    "Good question. I’d like to know the answer too.",
    "I live nearby and can confirm this is how it feels on the ground.",
    "That’s a generous reading. I’m more cynical, but I hope you’re right.",
    "Have you got a link for that? Genuinely interested.",
    "Well said.",
    "It’s a bit more complicated than that, but you’re not wrong.",
    "I thought the same until I read the full report. It changed my mind.",
    "Ha, my thoughts exactly.",
    "The reporter did cover that in an earlier piece, if you look back through the section.",
    "I don’t think anyone is saying it’s perfect, just that it’s better than what came before.",
    "Agree with the first half, not the second.",
    "You might be right, but I’d want to see more evidence before drawing that conclusion.",
    "Thank you for putting it so clearly. I couldn’t find the words.",
    "That’s not what the people quoted in the article say, though.",
    "Interesting perspective. I’d never thought of it that way.",
    "We’ll see. I’ve heard it all before.",
    "Sorry, but this is exactly the kind of comment that stops any useful discussion.",
    "Same here. It’s good to know I’m not the only one.",
    "I asked the same thing at a public meeting last year and never got an answer.",
    "Worth remembering that the article is about one case, not every case.",
    "Great point. I hope the Courier picks this up in a follow-up.",
]
