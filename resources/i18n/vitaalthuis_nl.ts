<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About VitaalThuis</source>
            <translation>Over VitaalThuis</translation>
        </message>
        <message>
            <source>About</source>
            <translation>Over</translation>
        </message>
        <message>
            <source>Questionnaires</source>
            <translation>Vragenlijsten</translation>
        </message>
        <message>
            <source>Licences</source>
            <translation>Licenties</translation>
        </message>
        <message>
            <source>A weekly check-in on your well-being while you work from home: your own trends, national figures for context and practical tips.</source>
            <translation>Een wekelijkse check-in op je welzijn als je thuiswerkt: je eigen verloop, landelijke cijfers als achtergrond en praktische tips.</translation>
        </message>
        <message>
            <source>Scoring version {version}. Psychological well-being counts as low below {cut} (the CBS cut-off; the GGD health monitor uses 60 or lower).</source>
            <translation>Scoringsversie {version}. Psychisch welbevinden telt als laag onder {cut} (de grens van het CBS; de GGD-gezondheidsmonitor gebruikt 60 of lager).</translation>
        </message>
        <message>
            <source>Privacy</source>
            <translation>Privacy</translation>
        </message>
        <message>
            <source>Your answers are stored only on this computer, in a database in your own user folder. The app makes no network connections at all. Your employer cannot see your answers. Nothing leaves this computer unless you export it or make a report yourself. You can export or delete everything at any time.</source>
            <translation>Je antwoorden worden alleen op deze computer bewaard, in een database in je eigen gebruikersmap. De app maakt geen enkele netwerkverbinding. Je werkgever kan je antwoorden niet zien. Er gaat niets van deze computer af, tenzij je zelf exporteert of een rapport maakt. Je kunt alles op elk moment exporteren of verwijderen.</translation>
        </message>
        <message>
            <source>Not a diagnosis</source>
            <translation>Geen diagnose</translation>
        </message>
        <message>
            <source>The questionnaires describe how you felt in one week. They cannot diagnose anything. If you are worried, talk to your GP (huisarts) or company doctor (bedrijfsarts).</source>
            <translation>De vragenlijsten beschrijven hoe je je in één week voelde. Ze kunnen niets diagnosticeren. Maak je je zorgen, praat er dan over met je huisarts of bedrijfsarts.</translation>
        </message>
        <message>
            <source>The existing questionnaires keep the answers and the scoring of the original. Their wording differs in a few places; what differs is listed per questionnaire. The app's own questions are modelled on national indicators and say so.</source>
            <translation>Bij de bestaande vragenlijsten zijn de antwoorden en de scoring die van het origineel. De tekst wijkt op een paar punten af; wat er anders is, staat hieronder per vragenlijst. De eigen vragen van de app zijn gebaseerd op landelijke indicatoren en zeggen dat er ook bij.</translation>
        </message>
        <message>
            <source>existing questionnaire</source>
            <translation>bestaande vragenlijst</translation>
        </message>
        <message>
            <source>the app's own question</source>
            <translation>eigen vraag van de app</translation>
        </message>
        <message>
            <source>The De Jong Gierveld loneliness scale: De Jong Gierveld, J. &amp; Van Tilburg, T. G. (2006). A 6-item scale for overall, emotional, and social loneliness. Research on Aging, 28(5), 582–598. It is not a diagnostic instrument.</source>
            <translation>De eenzaamheidsschaal van De Jong Gierveld: De Jong Gierveld, J. &amp; Van Tilburg, T. G. (2006). A 6-item scale for overall, emotional, and social loneliness. Research on Aging, 28(5), 582–598. Het is geen diagnostisch instrument.</translation>
        </message>
        <message>
            <source>The MHI-5 is the mental-health scale of the RAND 36-Item Health Survey (SF-36); the Dutch questions and the scoring follow CBS (Statistics Netherlands), with the changes listed above.</source>
            <translation>De MHI-5 is de schaal voor psychische gezondheid uit de RAND 36-Item Health Survey (SF-36); de Nederlandse vragen en de scoring volgen het CBS, met de verschillen die hierboven staan.</translation>
        </message>
        <message>
            <source>Software</source>
            <translation>Software</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versie</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licentie</translation>
        </message>
        <message>
            <source>VitaalThuis is built with this software. Qt and Qt for Python are used under the GNU Lesser General Public License (LGPL) version 3: you may replace these libraries with your own build.</source>
            <translation>VitaalThuis is gemaakt met deze software. Qt en Qt for Python worden gebruikt onder de GNU Lesser General Public License (LGPL) versie 3: je mag deze bibliotheken vervangen door een eigen versie.</translation>
        </message>
        <message>
            <source>Change over the weeks</source>
            <translation>Verandering over de weken</translation>
        </message>
        <message>
            <source>This week's score is compared with your own average over your check-ins in the {weeks} weeks before, and only when there are at least {least}. Within a band it counts as about the same. The bands are the app's own rule, not a published measure of measurement error: psychological well-being ± {mhi5} points, the life-satisfaction mark ± {ls}, loneliness ± {djg} point.</source>
            <translation>Je score van deze week wordt vergeleken met je eigen gemiddelde over je check-ins in de {weeks} weken ervoor, en alleen als dat er minstens {least} zijn. Binnen een marge telt het als ongeveer hetzelfde. Die marges zijn een eigen regel van de app, geen gepubliceerde maat voor meetfouten: psychisch welbevinden ± {mhi5} punten, het cijfer voor tevredenheid ± {ls}, eenzaamheid ± {djg} punt.</translation>
        </message>
        <message>
            <source>Differs from the original: the Dutch question says ‘je’ instead of ‘u’.</source>
            <translation>Anders dan het origineel: de vraag zegt ‘je’ in plaats van ‘u’.</translation>
        </message>
        <message>
            <source>Differs from the original: the questions ask about the past 7 days instead of the past 4 weeks, and the Dutch questions say ‘je’ instead of ‘u’. A weekly score is therefore not the same quantity as a national MHI-5 figure.</source>
            <translation>Anders dan het origineel: de vragen gaan over de afgelopen 7 dagen in plaats van de afgelopen 4 weken, en ze zeggen ‘je’ in plaats van ‘u’. Een score per week is daarom niet hetzelfde als een landelijk MHI-5-cijfer.</translation>
        </message>
        <message>
            <source>Differs from the original: the six statements are those of the scale. The Dutch instruction above them is worded differently and says ‘je’ and ‘jou’ instead of ‘u’. The scale asks how you are lately, without a fixed period; the app asks it every week.</source>
            <translation>Anders dan het origineel: de zes uitspraken zijn die van de schaal. De uitleg erboven is anders geformuleerd en zegt ‘je’ en ‘jou’ in plaats van ‘u’. De schaal vraagt hoe je de laatste tijd bent, zonder vaste periode; de app vraagt het elke week.</translation>
        </message>
        <message>
            <source>No original wording to differ from: this is the app's own question, after a national indicator whose exact question was not available. National figures on this topic come from questions worded differently.</source>
            <translation>Er is geen oorspronkelijke tekst om van af te wijken: dit is een eigen vraag van de app, naar een landelijke indicator waarvan de precieze vraag niet beschikbaar was. Landelijke cijfers over dit onderwerp komen uit anders geformuleerde vragen.</translation>
        </message>
    </context>
    <context>
        <name>ChartsView</name>
        <message>
            <source>Chart</source>
            <translation>Grafiek</translation>
        </message>
        <message>
            <source>Overview of all</source>
            <translation>Overzicht van alles</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Periode</translation>
        </message>
        <message>
            <source>3 months</source>
            <translation>3 maanden</translation>
        </message>
        <message>
            <source>1 year</source>
            <translation>1 jaar</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Alles</translation>
        </message>
        <message>
            <source>Show as &amp;table</source>
            <translation>Als &amp;tabel tonen</translation>
        </message>
        <message>
            <source>&amp;Export chart…</source>
            <translation>Grafiek &amp;exporteren…</translation>
        </message>
        <message>
            <source>&amp;Chart:</source>
            <translation>G&amp;rafiek:</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Periode:</translation>
        </message>
        <message>
            <source>The chart is being prepared…</source>
            <translation>De grafiek wordt klaargemaakt…</translation>
        </message>
        <message>
            <source>The chart's data as a table</source>
            <translation>De gegevens van de grafiek als tabel</translation>
        </message>
        <message>
            <source>Export chart</source>
            <translation>Grafiek exporteren</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG drawing (*.svg)</source>
            <translation>PNG-afbeelding (*.png);;SVG-tekening (*.svg)</translation>
        </message>
    </context>
    <context>
        <name>CheckinPage</name>
        <message>
            <source>Save and close</source>
            <translation>Opslaan en sluiten</translation>
        </message>
        <message>
            <source>Your answers are kept; you can continue later (Esc)</source>
            <translation>Je antwoorden blijven bewaard; je kunt later verder (Esc)</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Voortgang</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Vorige</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>Vol&amp;gende</translation>
        </message>
        <message>
            <source>Correcting</source>
            <translation>Aanpassen</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>Check-in</translation>
        </message>
        <message>
            <source>Step {n} of {total} · {name}</source>
            <translation>Stap {n} van {total} · {name}</translation>
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation>&amp;Afronden</translation>
        </message>
        <message>
            <source>Your answers could not be saved: the disk is full. They are still here; make some room and try again. Nothing saved earlier was lost.</source>
            <translation>Je antwoorden konden niet worden opgeslagen: de schijf is vol. Ze staan hier nog; maak wat ruimte vrij en probeer het opnieuw. Wat eerder is opgeslagen, is niet verloren.</translation>
        </message>
        <message>
            <source>Your answers could not be saved: the data folder cannot be written to. They are still here. Nothing saved earlier was lost.</source>
            <translation>Je antwoorden konden niet worden opgeslagen: er kan niet in de gegevensmap worden geschreven. Ze staan hier nog. Wat eerder is opgeslagen, is niet verloren.</translation>
        </message>
        <message>
            <source>Your answers could not be saved just now. They are still here; please try again. Nothing saved earlier was lost.</source>
            <translation>Je antwoorden konden nu niet worden opgeslagen. Ze staan hier nog; probeer het opnieuw. Wat eerder is opgeslagen, is niet verloren.</translation>
        </message>
        <message>
            <source>Another program is using your data just now. Your check-in is saved as soon as it is done.</source>
            <translation>Een ander programma gebruikt je gegevens op dit moment. Je check-in wordt opgeslagen zodra dat klaar is.</translation>
        </message>
        <message>
            <source>This week is already filled in</source>
            <translation>Deze week is al ingevuld</translation>
        </message>
        <message>
            <source>While you were answering, a check-in for this week was stored elsewhere (for example by an import). Do you want to replace it with your answers?</source>
            <translation>Terwijl je de vragen beantwoordde, is ergens anders een check-in voor deze week opgeslagen (bijvoorbeeld door een import). Wil je die vervangen door jouw antwoorden?</translation>
        </message>
        <message>
            <source>Replace it</source>
            <translation>Vervangen</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Nu niet</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Nothing was replaced. Your answers are kept as a draft of this week.</source>
            <translation>Er is niets vervangen. Je antwoorden zijn bewaard als concept van deze week.</translation>
        </message>
        <message>
            <source>This check-in cannot be saved yet.</source>
            <translation>Deze check-in kan nog niet worden opgeslagen.</translation>
        </message>
        <message numerus="yes">
            <source>Not finished yet: %n answer(s) still missing. The first one is shown.</source>
            <translation>
                <numerusform>Nog niet klaar: er ontbreekt nog %n antwoord. Je ziet het nu.</numerusform>
                <numerusform>Nog niet klaar: er ontbreken nog %n antwoorden. Je ziet nu het eerste.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more answer(s) need attention.</source>
            <translation>
                <numerusform>Daarnaast vraagt nog %n antwoord aandacht.</numerusform>
                <numerusform>Daarnaast vragen nog %n antwoorden aandacht.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not finished yet: step {n}, {section}. {problem}</source>
            <translation>Nog niet klaar: stap {n}, {section}. {problem}</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <source>This is not a diagnosis. Your answers describe one week; national figures describe groups, measured in other ways. If you are unsure how you are doing, talk to your GP (huisarts) or company doctor (bedrijfsarts).</source>
            <translation>Dit is geen diagnose. Je antwoorden gaan over één week; landelijke cijfers gaan over groepen en zijn op andere manieren gemeten. Twijfel je over hoe het met je gaat, bespreek het dan met je huisarts of bedrijfsarts.</translation>
        </message>
        <message>
            <source>Your own patterns</source>
            <translation>Je eigen patronen</translation>
        </message>
        <message>
            <source>This shows what tends to go together in your own weeks, not what causes what.</source>
            <translation>Dit laat zien wat in jouw weken vaak samen voorkomt, niet wat de oorzaak van wat is.</translation>
        </message>
        <message>
            <source>Tip of the week</source>
            <translation>Tip van de week</translation>
        </message>
        <message>
            <source>Your results appear here after your first check-in.</source>
            <translation>Na je eerste check-in zie je hier je resultaten.</translation>
        </message>
        <message>
            <source>How are you doing? Results of {week}</source>
            <translation>Hoe gaat het? Resultaten van {week}</translation>
        </message>
        <message numerus="yes">
            <source>%n check-in(s)</source>
            <translation>
                <numerusform>%n check-in</numerusform>
                <numerusform>%n check-ins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n week(s) with 4 or more home days</source>
            <translation>
                <numerusform>%n week met 4 of meer thuisdagen</numerusform>
                <numerusform>%n weken met 4 of meer thuisdagen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n week(s) with fewer</source>
            <translation>
                <numerusform>%n week met minder</numerusform>
                <numerusform>%n weken met minder</numerusform>
            </translation>
        </message>
        <message>
            <source>To compare weeks with 4 or more days at home with weeks with fewer, you need at least 8 check-ins, with at least 3 of each kind. Still needed: {needed}.</source>
            <translation>Om weken met 4 of meer thuiswerkdagen te vergelijken met weken met minder, zijn minstens 8 check-ins nodig, met minstens 3 van elke soort. Nog nodig: {needed}.</translation>
        </message>
        <message>
            <source>Your averages in weeks with 4 or more days at home ({home} weeks) and in weeks with fewer ({other} weeks):</source>
            <translation>Je gemiddelden in weken met 4 of meer dagen thuis ({home} weken) en in weken met minder ({other} weken):</translation>
        </message>
        <message>
            <source>Psychological well-being (0–100)</source>
            <translation>Psychisch welbevinden (0–100)</translation>
        </message>
        <message>
            <source>Life satisfaction (1–10)</source>
            <translation>Tevredenheid (1–10)</translation>
        </message>
        <message>
            <source>Loneliness (0–6)</source>
            <translation>Eenzaamheid (0–6)</translation>
        </message>
        <message>
            <source>Weeks with arm, neck or shoulder complaints</source>
            <translation>Weken met klachten aan arm, nek of schouder</translation>
        </message>
        <message>
            <source>Weeks with private time often missed</source>
            <translation>Weken waarin je vaak privétijd miste</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Maat</translation>
        </message>
        <message>
            <source>4+ days at home</source>
            <translation>4+ dagen thuis</translation>
        </message>
        <message>
            <source>Fewer days at home</source>
            <translation>Minder dagen thuis</translation>
        </message>
    </context>
    <context>
        <name>DeleteEverythingDialog</name>
        <message>
            <source>DELETE</source>
            <translation>VERWIJDEREN</translation>
        </message>
        <message>
            <source>Delete everything</source>
            <translation>Alles verwijderen</translation>
        </message>
        <message>
            <source>This deletes all your check-ins, drafts, backups and set-aside files from this computer. Deleting means deleted: it cannot be undone. To confirm, type {word} below.</source>
            <translation>Hiermee verwijder je al je check-ins, concepten, reservekopieën en apart gezette bestanden van deze computer. Verwijderen is echt verwijderen: het kan niet ongedaan worden gemaakt. Typ hieronder {word} om te bevestigen.</translation>
        </message>
        <message>
            <source>Type {word} to confirm</source>
            <translation>Typ {word} om te bevestigen</translation>
        </message>
        <message>
            <source>Keep one safety copy, in a place I choose</source>
            <translation>Eén veiligheidskopie bewaren, op een plek die ik kies</translation>
        </message>
    </context>
    <context>
        <name>DimensionCard</name>
        <message>
            <source>Source and explanation…</source>
            <translation>Bron en uitleg…</translation>
        </message>
        <message>
            <source>Source and explanation: {title}</source>
            <translation>Bron en uitleg: {title}</translation>
        </message>
        <message>
            <source>Complaints this week, bother {severity} of 10</source>
            <translation>Klachten deze week, last {severity} van 10</translation>
        </message>
        <message>
            <source>No complaints this week</source>
            <translation>Geen klachten deze week</translation>
        </message>
        <message>
            <source>Your first check-in: nothing earlier to compare with yet.</source>
            <translation>Je eerste check-in: nog niets eerders om mee te vergelijken.</translation>
        </message>
        <message>
            <source>Same as your previous check-in ({week}).</source>
            <translation>Hetzelfde als je vorige check-in ({week}).</translation>
        </message>
        <message>
            <source>Previous check-in ({week}): {category}.</source>
            <translation>Vorige check-in ({week}): {category}.</translation>
        </message>
        <message>
            <source>Scale of {title}</source>
            <translation>Schaal van {title}</translation>
        </message>
        <message>
            <source>Your health this week: “{answer}” (category ‘{category}’)</source>
            <translation>Je gezondheid deze week: ‘{answer}’ (categorie ‘{category}’)</translation>
        </message>
        <message>
            <source>Score {score} of 100 (category ‘{category}’)</source>
            <translation>Score {score} van 100 (categorie ‘{category}’)</translation>
        </message>
        <message>
            <source>Mark {mark} of 10 (category ‘{category}’)</source>
            <translation>Cijfer {mark} van 10 (categorie ‘{category}’)</translation>
        </message>
        <message>
            <source>Score {total} of 6 (category ‘{category}’)</source>
            <translation>Score {total} van 6 (categorie ‘{category}’)</translation>
        </message>
        <message>
            <source>Private time missed because of work: “{answer}”</source>
            <translation>Privétijd gemist door je werk: ‘{answer}’</translation>
        </message>
        <message>
            <source>no complaints</source>
            <translation>geen klachten</translation>
        </message>
        <message>
            <source>After three check-ins you see here how this week compares with your own average.</source>
            <translation>Na drie check-ins zie je hier hoe deze week zich verhoudt tot je eigen gemiddelde.</translation>
        </message>
        <message numerus="yes">
            <source>your average of {mean} over the %n check-in(s) before</source>
            <translation>
                <numerusform>je gemiddelde van {mean} over %n check-in ervoor</numerusform>
                <numerusform>je gemiddelde van {mean} over de %n check-ins ervoor</numerusform>
            </translation>
        </message>
        <message>
            <source>About the same as {earlier}.</source>
            <translation>Ongeveer gelijk aan {earlier}.</translation>
        </message>
        <message>
            <source>Higher than {earlier}.</source>
            <translation>Hoger dan {earlier}.</translation>
        </message>
        <message>
            <source>Lower than {earlier}.</source>
            <translation>Lager dan {earlier}.</translation>
        </message>
        <message>
            <source>This often varies from week to week.</source>
            <translation>Van week tot week schommelt dit vaak.</translation>
        </message>
        <message>
            <source>{who}, {period}: {value} {what} ({by})</source>
            <translation>{who}, {period}: {value} {what} ({by})</translation>
        </message>
        <message>
            <source>derived</source>
            <translation>afgeleid</translation>
        </message>
        <message>
            <source>No recent national figure in your category to set beside this.</source>
            <translation>Geen recent landelijk cijfer in jouw categorie om hiernaast te zetten.</translation>
        </message>
        <message>
            <source>your health in general</source>
            <translation>je gezondheid in het algemeen</translation>
        </message>
        <message>
            <source>at the moment</source>
            <translation>op dit moment</translation>
        </message>
        <message>
            <source>the way you feel lately</source>
            <translation>zoals je je de laatste tijd voelt</translation>
        </message>
        <message>
            <source>the past 7 days</source>
            <translation>de afgelopen 7 dagen</translation>
        </message>
    </context>
    <context>
        <name>HelpView</name>
        <message>
            <source>Help and someone to talk to</source>
            <translation>Hulp en iemand om mee te praten</translation>
        </message>
        <message>
            <source>Having a hard time? You do not have to sort it out alone. Talking to someone often helps, and these people are there for exactly that. VitaalThuis does not contact anyone for you and sends nothing anywhere.</source>
            <translation>Heb je het zwaar? Je hoeft het niet alleen op te lossen. Met iemand praten helpt vaak, en deze mensen zijn daar precies voor. VitaalThuis neemt zelf met niemand contact op en stuurt niets door.</translation>
        </message>
        <message>
            <source>Offered by {organisation}</source>
            <translation>Aangeboden door {organisation}</translation>
        </message>
        <message>
            <source>Offered by your employer</source>
            <translation>Aangeboden door je werkgever</translation>
        </message>
        <message>
            <source>Phone: {numbers}</source>
            <translation>Telefoon: {numbers}</translation>
        </message>
        <message>
            <source> or </source>
            <translation> of </translation>
        </message>
        <message>
            <source>Web: {address}</source>
            <translation>Web: {address}</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Sneltoetsen</translation>
        </message>
        <message>
            <source>You can do the whole check-in with the keyboard: without complaints it takes about twenty keys. With the mouse it is one click per answer; after the last answer of a page the next page comes by itself.</source>
            <translation>Je kunt de hele check-in met het toetsenbord doen: zonder klachten kost dat ongeveer twintig toetsen. Met de muis is het één klik per antwoord; na het laatste antwoord van een pagina komt de volgende pagina vanzelf.</translation>
        </message>
        <message>
            <source>This week's check-in, from any screen.</source>
            <translation>De check-in van deze week, vanuit elk scherm.</translation>
        </message>
        <message>
            <source>Choose the answer with that number, counted from the first. Then you go on to the next question, and after the last one to the next page.</source>
            <translation>Kies het antwoord met dat nummer, geteld vanaf het eerste. Dan ga je door naar de volgende vraag, en na de laatste naar de volgende pagina.</translation>
        </message>
        <message>
            <source>On a scale of numbers the digit is the number itself: the mark 1 to 9, and 0 for a 10. Complaints 0 to 9 (10 with the arrow key from 9). Days 0 to 7.</source>
            <translation>Bij een reeks getallen is het cijfer het getal zelf: het rapportcijfer 1 tot en met 9, en 0 voor een 10. Klachten 0 tot en met 9 (10 met de pijltjestoets vanaf 9). Dagen 0 tot en met 7.</translation>
        </message>
        <message>
            <source>Arrow keys</source>
            <translation>Pijltjestoetsen</translation>
        </message>
        <message>
            <source>Choose another answer within the same question.</source>
            <translation>Kies een ander antwoord binnen dezelfde vraag.</translation>
        </message>
        <message>
            <source>To the next page when every answer on this page is there; otherwise to the first open question. Where you had complaints: tick with the digits, then Enter. In the note Enter starts a new line.</source>
            <translation>Naar de volgende pagina als alle antwoorden op deze pagina er zijn; anders naar de eerste open vraag. Bij de plekken met klachten: vink aan met de cijfers, dan Enter. In de notitie begint Enter een nieuwe regel.</translation>
        </message>
        <message>
            <source>Finish the check-in. If something is still missing, you go there and read what it is.</source>
            <translation>Rond de check-in af. Ontbreekt er nog iets, dan ga je daarheen en lees je wat het is.</translation>
        </message>
        <message>
            <source>Previous page.</source>
            <translation>Vorige pagina.</translation>
        </message>
        <message>
            <source>Next page.</source>
            <translation>Volgende pagina.</translation>
        </message>
        <message>
            <source>Save the check-in and close it. You can go on later.</source>
            <translation>Sla de check-in op en sluit hem. Je kunt later verder.</translation>
        </message>
        <message>
            <source>Home screen.</source>
            <translation>Startscherm.</translation>
        </message>
        <message>
            <source>Make a report (PDF).</source>
            <translation>Rapport maken (pdf).</translation>
        </message>
        <message>
            <source>Settings.</source>
            <translation>Instellingen.</translation>
        </message>
        <message>
            <source>This help page.</source>
            <translation>Deze hulppagina.</translation>
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <source>History of your check-ins</source>
            <translation>Overzicht van je check-ins</translation>
        </message>
        <message>
            <source>No check-ins yet. Your first one will appear here.</source>
            <translation>Nog geen check-ins. Je eerste verschijnt hier.</translation>
        </message>
        <message>
            <source>&amp;Open or correct</source>
            <translation>&amp;Openen of aanpassen</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>Verwij&amp;deren</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <source>Demo data: these check-ins were made up by the app, for trying it out. They are not anyone's answers.</source>
            <translation>Demogegevens: deze check-ins zijn door de app verzonnen, om het programma uit te proberen. Het zijn niemands echte antwoorden.</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>Ongedaan m&amp;aken</translation>
        </message>
        <message>
            <source>Who can I talk to?</source>
            <translation>Met wie kan ik praten?</translation>
        </message>
        <message>
            <source>Fill in a missed week:</source>
            <translation>Een gemiste week invullen:</translation>
        </message>
        <message>
            <source>Missed week</source>
            <translation>Gemiste week</translation>
        </message>
        <message>
            <source>&amp;Fill in</source>
            <translation>&amp;Invullen</translation>
        </message>
        <message>
            <source>&amp;Overview</source>
            <translation>&amp;Overzicht</translation>
        </message>
        <message>
            <source>Cha&amp;rts</source>
            <translation>Gra&amp;fieken</translation>
        </message>
        <message>
            <source>T&amp;ips</source>
            <translation>Ti&amp;ps</translation>
        </message>
        <message>
            <source>Histor&amp;y</source>
            <translation>&amp;Geschiedenis</translation>
        </message>
        <message>
            <source>Hel&amp;p</source>
            <translation>H&amp;ulp</translation>
        </message>
        <message>
            <source>Offered by {organisation}. Your employer cannot see any of your answers: they stay on this computer.</source>
            <translation>Aangeboden door {organisation}. Je werkgever kan geen van je antwoorden zien: ze blijven op deze computer.</translation>
        </message>
        <message>
            <source>Part of your organisation's settings file could not be used; the app uses its own defaults for that part. Your IT department can find the details in the log.</source>
            <translation>Een deel van het instellingenbestand van je organisatie kon niet worden gebruikt; voor dat deel gebruikt de app zijn eigen standaardinstellingen. Je IT-afdeling vindt de details in het logbestand.</translation>
        </message>
        <message>
            <source>Fill in &amp;now</source>
            <translation>&amp;Nu invullen</translation>
        </message>
        <message>
            <source>Later &amp;today</source>
            <translation>Later van&amp;daag</translation>
        </message>
        <message>
            <source>To&amp;morrow</source>
            <translation>&amp;Morgen</translation>
        </message>
        <message>
            <source>This week's check-in is still open. It takes about two minutes.</source>
            <translation>De check-in van deze week staat nog open. Dat duurt ongeveer twee minuten.</translation>
        </message>
        <message>
            <source>&amp;Start check-in</source>
            <translation>Check-in &amp;starten</translation>
        </message>
        <message>
            <source>You started this week's check-in. Your answers so far are kept.</source>
            <translation>Je bent aan de check-in van deze week begonnen. Wat je al hebt ingevuld, is bewaard.</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Verder gaan</translation>
        </message>
        <message>
            <source>Done for this week, thank you. {summary}</source>
            <translation>Klaar voor deze week, dank je. {summary}</translation>
        </message>
        <message>
            <source>&amp;View or correct</source>
            <translation>&amp;Bekijken of aanpassen</translation>
        </message>
        <message>
            <source>Filled in for {n} of the last 8 weeks</source>
            <translation>Ingevuld in {n} van de laatste 8 weken</translation>
        </message>
        <message>
            <source>This week's check-in is still open. You can fill it in now or later, whatever suits you.</source>
            <translation>De check-in van deze week staat nog open. Je kunt hem nu invullen of later, wat jou het beste uitkomt.</translation>
        </message>
        <message>
            <source>Time for your weekly check-in. It takes about two minutes.</source>
            <translation>Tijd voor je wekelijkse check-in. Dat duurt ongeveer twee minuten.</translation>
        </message>
        <message>
            <source>Health: {health}; well-being {mhi5} of 100; satisfaction {ls} of 10; loneliness: {lonely}.</source>
            <translation>Gezondheid: {health}; welbevinden {mhi5} van 100; tevredenheid {ls} van 10; eenzaamheid: {lonely}.</translation>
        </message>
        <message>
            <source>The check-in of {week} was deleted.</source>
            <translation>De check-in van {week} is verwijderd.</translation>
        </message>
        <message>
            <source>Your well-being score is low this week (below {cut}). Talking about it often helps, if you like: with someone you trust or with De Luisterlijn. Is it about life and death? Then you can call 113, day and night.</source>
            <translation>Je score voor welbevinden is deze week laag (onder {cut}). Erover praten helpt vaak, als je wilt: met iemand die je vertrouwt of met De Luisterlijn. Gaat het over leven en dood? Dan kun je dag en nacht 113 bellen.</translation>
        </message>
        <message>
            <source>Your well-being score this week is more than {band} points below your own average of the weeks before. Would you like to talk about it? You can, with someone you trust or with De Luisterlijn. Is it about life and death? Then you can call 113, day and night.</source>
            <translation>Je score voor welbevinden is deze week meer dan {band} punten lager dan je eigen gemiddelde van de weken ervoor. Wil je erover praten? Dat kan met iemand die je vertrouwt of met De Luisterlijn. Gaat het over leven en dood? Dan kun je dag en nacht 113 bellen.</translation>
        </message>
        <message>
            <source>Your loneliness score falls in the category ‘strongly lonely’ this week. Would you like to talk to someone? You can, with someone you trust or with De Luisterlijn. Is it about life and death? Then you can call 113, day and night.</source>
            <translation>Je score voor eenzaamheid valt deze week in de categorie ‘sterk eenzaam’. Wil je met iemand praten? Dat kan met iemand die je vertrouwt of met De Luisterlijn. Gaat het over leven en dood? Dan kun je dag en nacht 113 bellen.</translation>
        </message>
        <message>
            <source>For three weeks running you often missed private or family activities because of work. If you like, you can talk about it with your manager or with the company doctor (open consultation).</source>
            <translation>Drie weken op rij miste je vaak privé- of gezinsactiviteiten door je werk. Als je wilt, kun je dat bespreken met je leidinggevende of met de bedrijfsarts (open spreekuur).</translation>
        </message>
        <message>
            <source>Your arm, neck or shoulder complaints bothered you a lot this week ({severity} of 10). If you like, you can go to your GP, the company doctor or a physiotherapist.</source>
            <translation>Je had deze week veel last van klachten aan arm, nek of schouder ({severity} van 10). Als je wilt, kun je ermee naar je huisarts, de bedrijfsarts of een fysiotherapeut.</translation>
        </message>
        <message>
            <source>{name} ({numbers})</source>
            <translation>{name} ({numbers})</translation>
        </message>
        <message>
            <source> or </source>
            <translation> of </translation>
        </message>
        <message>
            <source>Where you can turn: {contacts}</source>
            <translation>Waar je terechtkunt: {contacts}</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>not lonely</source>
            <translation>niet eenzaam</translation>
        </message>
        <message>
            <source>moderately lonely</source>
            <translation>matig eenzaam</translation>
        </message>
        <message>
            <source>strongly lonely</source>
            <translation>sterk eenzaam</translation>
        </message>
        <message>
            <source>This answer is still missing.</source>
            <translation>Dit antwoord ontbreekt nog.</translation>
        </message>
        <message>
            <source>This answer is outside the allowed range.</source>
            <translation>Dit antwoord valt buiten wat mogelijk is.</translation>
        </message>
        <message>
            <source>This answer has the wrong form.</source>
            <translation>Dit antwoord heeft niet de goede vorm.</translation>
        </message>
        <message>
            <source>Days at home and at the workplace add up to more than 7.</source>
            <translation>Dagen thuis en op de werkplek zijn samen meer dan 7.</translation>
        </message>
        <message>
            <source>The note is longer than 2,000 characters.</source>
            <translation>De notitie is langer dan 2.000 tekens.</translation>
        </message>
        <message>
            <source>The note contains characters that cannot be saved.</source>
            <translation>De notitie bevat tekens die niet bewaard kunnen worden.</translation>
        </message>
        <message>
            <source>Tick at least one place where you had complaints.</source>
            <translation>Vink minstens één plek aan waar je klachten had.</translation>
        </message>
        <message>
            <source>Details are only asked when you had complaints.</source>
            <translation>Details worden alleen gevraagd als je klachten had.</translation>
        </message>
        <message>
            <source>This answer cannot be saved.</source>
            <translation>Dit antwoord kan niet bewaard worden.</translation>
        </message>
        <message>
            <source>Week {week} · {start}–{end}</source>
            <translation>Week {week} · {start}–{end}</translation>
        </message>
        <message>
            <source>{year} week {week}</source>
            <translation>{year} week {week}</translation>
        </message>
        <message>
            <source>yes, {severity}/10</source>
            <translation>ja, {severity}/10</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nee</translation>
        </message>
        <message>
            <source>{score} of 100</source>
            <translation>{score} van 100</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Week</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>Gezondheid</translation>
        </message>
        <message>
            <source>Well-being</source>
            <translation>Welbevinden</translation>
        </message>
        <message>
            <source>Satisfaction (1–10)</source>
            <translation>Tevredenheid (1–10)</translation>
        </message>
        <message>
            <source>Loneliness</source>
            <translation>Eenzaamheid</translation>
        </message>
        <message>
            <source>Missed private time</source>
            <translation>Privétijd gemist</translation>
        </message>
        <message>
            <source>Psychological well-being</source>
            <translation>Psychisch welbevinden</translation>
        </message>
        <message>
            <source>Life satisfaction</source>
            <translation>Tevredenheid met je leven</translation>
        </message>
        <message>
            <source>Roughly comparable</source>
            <translation>Globaal vergelijkbaar</translation>
        </message>
        <message>
            <source>Arm, neck and shoulders</source>
            <translation>Arm, nek en schouders</translation>
        </message>
        <message>
            <source>Work and private life</source>
            <translation>Werk en privé</translation>
        </message>
        <message>
            <source>(very) good</source>
            <translation>(zeer) goed</translation>
        </message>
        <message>
            <source>less than good</source>
            <translation>minder goed</translation>
        </message>
        <message>
            <source>not low (60 or more)</source>
            <translation>niet laag (60 of meer)</translation>
        </message>
        <message>
            <source>low (below 60)</source>
            <translation>laag (onder 60)</translation>
        </message>
        <message>
            <source>satisfied (7 or more)</source>
            <translation>tevreden (7 of hoger)</translation>
        </message>
        <message>
            <source>less satisfied (below 7)</source>
            <translation>minder tevreden (onder 7)</translation>
        </message>
        <message>
            <source>complaints</source>
            <translation>klachten</translation>
        </message>
        <message>
            <source>no complaints</source>
            <translation>geen klachten</translation>
        </message>
        <message>
            <source>often or always</source>
            <translation>vaak of altijd</translation>
        </message>
        <message>
            <source>never or sometimes</source>
            <translation>nooit of soms</translation>
        </message>
        <message>
            <source>(very) good health</source>
            <translation>(zeer) goede gezondheid</translation>
        </message>
        <message>
            <source>low psychological well-being</source>
            <translation>laag psychisch welbevinden</translation>
        </message>
        <message>
            <source>psychologically healthy</source>
            <translation>psychisch gezond</translation>
        </message>
        <message>
            <source>satisfied with life</source>
            <translation>tevreden met het leven</translation>
        </message>
        <message>
            <source>arm, neck or shoulder complaints</source>
            <translation>klachten aan arm, nek of schouder</translation>
        </message>
        <message>
            <source>often missed private or family activities because of work</source>
            <translation>door het werk vaak privé- of gezinsactiviteiten gemist</translation>
        </message>
        <message>
            <source>Same measure</source>
            <translation>Zelfde vragenlijst</translation>
        </message>
        <message>
            <source>Background only</source>
            <translation>Alleen achtergrond</translation>
        </message>
        <message>
            <source>checked in an independent source</source>
            <translation>gecontroleerd in een onafhankelijke bron</translation>
        </message>
        <message>
            <source>found in a secondary source only (news or third-party site)</source>
            <translation>alleen gevonden in een secundaire bron (nieuws of andere website)</translation>
        </message>
        <message>
            <source>found in the ministry's letter of 3 February 2021 only</source>
            <translation>alleen gevonden in de Kamerbrief van 3 februari 2021</translation>
        </message>
        <message>
            <source>about </source>
            <translation>ongeveer </translation>
        </message>
        <message>
            <source>almost </source>
            <translation>bijna </translation>
        </message>
        <message>
            <source>more than </source>
            <translation>ruim </translation>
        </message>
        <message>
            <source>score {total} of 6 (category ‘{category}’)</source>
            <translation>score {total} van 6 (categorie ‘{category}’)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Vit&amp;aalThuis</source>
            <translation>Vitaa&amp;lThuis</translation>
        </message>
        <message>
            <source>This week's &amp;check-in</source>
            <translation>&amp;Check-in van deze week</translation>
        </message>
        <message>
            <source>&amp;Home</source>
            <translation>&amp;Start</translation>
        </message>
        <message>
            <source>Make a &amp;report (PDF)…</source>
            <translation>&amp;Rapport maken (pdf)…</translation>
        </message>
        <message>
            <source>&amp;My data…</source>
            <translation>&amp;Mijn gegevens…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Instellingen…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>A&amp;fsluiten</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Taal</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Help and someone to talk to</source>
            <translation>&amp;Hulp en iemand om mee te praten</translation>
        </message>
        <message>
            <source>&amp;About VitaalThuis</source>
            <translation>&amp;Over VitaalThuis</translation>
        </message>
        <message>
            <source>Report saved: {path}</source>
            <translation>Rapport opgeslagen: {path}</translation>
        </message>
        <message>
            <source>Saved: {week}</source>
            <translation>Opgeslagen: {week}</translation>
        </message>
        <message>
            <source>Not undone: {week} was filled in again meanwhile.</source>
            <translation>Niet ongedaan gemaakt: {week} is intussen opnieuw ingevuld.</translation>
        </message>
        <message>
            <source>Settings could not be saved: {error}</source>
            <translation>Instellingen konden niet worden opgeslagen: {error}</translation>
        </message>
        <message>
            <source>Start at login could not be changed: {error}</source>
            <translation>Automatisch starten kon niet worden aangepast: {error}</translation>
        </message>
        <message>
            <source>Your answers could not be saved, so closing now would lose them. Close anyway?</source>
            <translation>Je antwoorden konden niet worden opgeslagen; als je nu afsluit, ben je ze kwijt. Toch afsluiten?</translation>
        </message>
    </context>
    <context>
        <name>MyDataDialog</name>
        <message>
            <source>My data</source>
            <translation>Mijn gegevens</translation>
        </message>
        <message>
            <source>Where your data is and what is stored</source>
            <translation>Waar je gegevens staan en wat er bewaard wordt</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Gegevensmap</translation>
        </message>
        <message>
            <source>&amp;Open folder</source>
            <translation>Map &amp;openen</translation>
        </message>
        <message>
            <source>Take your data along</source>
            <translation>Je gegevens meenemen</translation>
        </message>
        <message>
            <source>Export everything (&amp;JSON)…</source>
            <translation>Alles exporteren (&amp;JSON)…</translation>
        </message>
        <message>
            <source>Export for a spreadsheet (&amp;CSV)…</source>
            <translation>Exporteren voor een spreadsheet (&amp;CSV)…</translation>
        </message>
        <message>
            <source>&amp;Import an export…</source>
            <translation>Een export &amp;importeren…</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Reservekopieën</translation>
        </message>
        <message>
            <source>VitaalThuis makes a backup every day it is used, and before every update, import and restore. Older backups are cleared automatically.</source>
            <translation>VitaalThuis maakt elke dag dat je de app gebruikt een reservekopie, en ook vóór elke update, import en terugzetting. Oudere reservekopieën worden vanzelf opgeruimd.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <source>&amp;Restore the selected backup…</source>
            <translation>Gekozen reservekopie &amp;terugzetten…</translation>
        </message>
        <message>
            <source>Delete everything</source>
            <translation>Alles verwijderen</translation>
        </message>
        <message>
            <source>Removes your check-ins, drafts, backups and set-aside files from this computer.</source>
            <translation>Verwijdert je check-ins, concepten, reservekopieën en apart gezette bestanden van deze computer.</translation>
        </message>
        <message>
            <source>&amp;Delete everything…</source>
            <translation>Alles &amp;verwijderen…</translation>
        </message>
        <message>
            <source>, from {first} to {last}</source>
            <translation>, van {first} tot {last}</translation>
        </message>
        <message>
            <source>{checkins}{weeks} and {drafts}, stored as your raw answers in one database file; scores are calculated from them. Also {backups} and {aside}. Nothing is stored anywhere else and nobody else can see it.</source>
            <translation>{checkins}{weeks} en {drafts}, bewaard als je eigen antwoorden in één databasebestand; de scores worden daaruit berekend. Verder {backups} en {aside}. Er wordt nergens anders iets bewaard en niemand anders kan het zien.</translation>
        </message>
        <message numerus="yes">
            <source>%n check-in(s)</source>
            <translation>
                <numerusform>%n check-in</numerusform>
                <numerusform>%n check-ins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unfinished draft(s)</source>
            <translation>
                <numerusform>%n onafgemaakt concept</numerusform>
                <numerusform>%n onafgemaakte concepten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n backup(s)</source>
            <translation>
                <numerusform>%n reservekopie</numerusform>
                <numerusform>%n reservekopieën</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n set-aside file(s)</source>
            <translation>
                <numerusform>%n apart gezet bestand</numerusform>
                <numerusform>%n apart gezette bestanden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Restore the backup of {date} with %n check-in(s)? Your data as it is now is kept as a backup first.</source>
            <translation>
                <numerusform>De reservekopie van {date} met %n check-in terugzetten? Je gegevens zoals ze nu zijn, worden eerst als reservekopie bewaard.</numerusform>
                <numerusform>De reservekopie van {date} met %n check-ins terugzetten? Je gegevens zoals ze nu zijn, worden eerst als reservekopie bewaard.</numerusform>
            </translation>
        </message>
        <message>
            <source>daily</source>
            <translation>dagelijks</translation>
        </message>
        <message>
            <source>before a change</source>
            <translation>vóór een wijziging</translation>
        </message>
        <message>
            <source>cannot be used</source>
            <translation>niet bruikbaar</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporteren</translation>
        </message>
        <message>
            <source>The export could not be saved: {error}</source>
            <translation>De export kon niet worden opgeslagen: {error}</translation>
        </message>
        <message>
            <source>Saved: {path}</source>
            <translation>Opgeslagen: {path}</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importeren</translation>
        </message>
        <message>
            <source>VitaalThuis export (*.json)</source>
            <translation>VitaalThuis-export (*.json)</translation>
        </message>
        <message>
            <source>This is not a file that can be imported.</source>
            <translation>Dit is geen bestand dat je kunt importeren.</translation>
        </message>
        <message>
            <source>The file cannot be read: {error}</source>
            <translation>Het bestand kan niet worden gelezen: {error}</translation>
        </message>
        <message>
            <source>This import adds {added} and replaces {replaced} you already have. A backup is made first. Go ahead?</source>
            <translation>Met deze import komen er {added} bij en worden {replaced} vervangen die je al hebt. Eerst wordt een reservekopie gemaakt. Doorgaan?</translation>
        </message>
        <message numerus="yes">
            <source>%n week(s)</source>
            <translation>
                <numerusform>%n week</numerusform>
                <numerusform>%n weken</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing was imported: {error}</source>
            <translation>Er is niets geïmporteerd: {error}</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <translation>… en nog {n}</translation>
        </message>
        <message>
            <source>… and at least {n} more</source>
            <translation>… en nog minstens {n}</translation>
        </message>
        <message>
            <source>Nothing was imported: the file has one problem.</source>
            <translation>Er is niets geïmporteerd: het bestand heeft 1 probleem.</translation>
        </message>
        <message>
            <source>Nothing was imported: the file has {n} problems.</source>
            <translation>Er is niets geïmporteerd: het bestand heeft {n} problemen.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Terugzetten</translation>
        </message>
        <message>
            <source>This backup cannot be restored; nothing was changed. ({error})</source>
            <translation>Deze reservekopie kan niet worden teruggezet; er is niets veranderd. ({error})</translation>
        </message>
        <message>
            <source>Where should the safety copy go?</source>
            <translation>Waar moet de veiligheidskopie komen?</translation>
        </message>
        <message>
            <source>Nothing was deleted: {error}</source>
            <translation>Er is niets verwijderd: {error}</translation>
        </message>
        <message>
            <source>Everything was deleted.</source>
            <translation>Alles is verwijderd.</translation>
        </message>
        <message>
            <source>One safety copy was saved here: {path}</source>
            <translation>Eén veiligheidskopie is hier bewaard: {path}</translation>
        </message>
    </context>
    <context>
        <name>ReminderController</name>
        <message>
            <source>Time for your weekly check-in. It takes about two minutes.</source>
            <translation>Tijd voor je wekelijkse check-in. Dat duurt ongeveer twee minuten.</translation>
        </message>
        <message>
            <source>Check in now</source>
            <translation>Nu invullen</translation>
        </message>
        <message>
            <source>Open VitaalThuis</source>
            <translation>VitaalThuis openen</translation>
        </message>
        <message>
            <source>Remind me later today</source>
            <translation>Later vandaag herinneren</translation>
        </message>
        <message>
            <source>Remind me tomorrow</source>
            <translation>Morgen herinneren</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Afsluiten</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Make a report (PDF)</source>
            <translation>Rapport maken (pdf)</translation>
        </message>
        <message>
            <source>A PDF with your charts, your latest results in words and the national figures with their sources, to take along to your company doctor (bedrijfsarts) or GP (huisarts). It is made on this computer and stays here until you share it yourself.</source>
            <translation>Een pdf met je grafieken, je laatste resultaten in woorden en de landelijke cijfers met hun bronnen, om mee te nemen naar je bedrijfsarts of huisarts. Het rapport wordt op deze computer gemaakt en blijft hier, tot je het zelf deelt.</translation>
        </message>
        <message>
            <source>Last 3 months</source>
            <translation>Laatste 3 maanden</translation>
        </message>
        <message>
            <source>Last 6 months</source>
            <translation>Laatste 6 maanden</translation>
        </message>
        <message>
            <source>Last year</source>
            <translation>Afgelopen jaar</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>Alles</translation>
        </message>
        <message>
            <source>Choose dates…</source>
            <translation>Zelf datums kiezen…</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Periode:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;Van:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;Tot en met:</translation>
        </message>
        <message>
            <source>&amp;Save report…</source>
            <translation>Rapport &amp;opslaan…</translation>
        </message>
        <message>
            <source>There are no check-ins in this period, so there is nothing to put in a report. Choose another period.</source>
            <translation>In deze periode zijn er geen check-ins, dus er valt niets in een rapport te zetten. Kies een andere periode.</translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>Rapport opslaan</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Pdf-document (*.pdf)</translation>
        </message>
        <message>
            <source>Making the report…</source>
            <translation>Het rapport wordt gemaakt…</translation>
        </message>
        <message numerus="yes">
            <source>%n check-in(s) from {first} to {last}.</source>
            <translation>
                <numerusform>%n check-in van {first} tot en met {last}.</numerusform>
                <numerusform>%n check-ins van {first} tot en met {last}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <source>There are no check-ins in this period.</source>
            <translation>In deze periode zijn er geen check-ins.</translation>
        </message>
        <message>
            <source>The report could not be saved: {error}. Nothing was changed.</source>
            <translation>Het rapport kon niet worden opgeslagen: {error}. Er is niets veranderd.</translation>
        </message>
    </context>
    <context>
        <name>SectionPage</name>
        <message>
            <source>This is VitaalThuis's own question, modelled on a national indicator; it is not a validated questionnaire.</source>
            <translation>Dit is een eigen vraag van VitaalThuis, gebaseerd op een landelijke indicator; het is geen gevalideerde vragenlijst.</translation>
        </message>
        <message>
            <source>For your own overview only: these answers are not scored.</source>
            <translation>Alleen voor je eigen overzicht: deze antwoorden krijgen geen score.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Taal:</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Zoals het systeem</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Licht</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Donker</translation>
        </message>
        <message>
            <source>&amp;Colours:</source>
            <translation>&amp;Kleuren:</translation>
        </message>
        <message>
            <source>Remind me of the weekly check-in</source>
            <translation>Herinner me aan de wekelijkse check-in</translation>
        </message>
        <message>
            <source>Reminder:</source>
            <translation>Herinnering:</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>maandag</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>dinsdag</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>woensdag</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>donderdag</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>vrijdag</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>zaterdag</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>zondag</translation>
        </message>
        <message>
            <source>&amp;Day and time:</source>
            <translation>&amp;Dag en tijd:</translation>
        </message>
        <message>
            <source>Reminder day</source>
            <translation>Dag van de herinnering</translation>
        </message>
        <message>
            <source>Reminder time</source>
            <translation>Tijd van de herinnering</translation>
        </message>
        <message>
            <source>Start VitaalThuis when I log in</source>
            <translation>VitaalThuis starten als ik inlog</translation>
        </message>
        <message>
            <source>Start:</source>
            <translation>Starten:</translation>
        </message>
        <message>
            <source>Show national figures beside my results</source>
            <translation>Landelijke cijfers naast mijn resultaten tonen</translation>
        </message>
        <message>
            <source>Comparisons:</source>
            <translation>Vergelijken:</translation>
        </message>
        <message>
            <source>Data location</source>
            <translation>Plaats van je gegevens</translation>
        </message>
        <message>
            <source>&amp;Open folder</source>
            <translation>Map &amp;openen</translation>
        </message>
        <message>
            <source>Your data:</source>
            <translation>Je gegevens:</translation>
        </message>
        <message>
            <source>your organisation</source>
            <translation>je organisatie</translation>
        </message>
        <message>
            <source>Settings that are greyed out were set by {who}.</source>
            <translation>Grijze instellingen zijn vastgelegd door {who}.</translation>
        </message>
        <message>
            <source>Set by {who}</source>
            <translation>Vastgelegd door {who}</translation>
        </message>
    </context>
    <context>
        <name>SourceDialog</name>
        <message>
            <source>Source and explanation</source>
            <translation>Bron en uitleg</translation>
        </message>
        <message>
            <source>On the card</source>
            <translation>Op de kaart</translation>
        </message>
        <message>
            <source>Other figures</source>
            <translation>Andere cijfers</translation>
        </message>
        <message>
            <source>Older, about another group or measured in another way; listed so you can see everything the app knows.</source>
            <translation>Ouder, over een andere groep of op een andere manier gemeten. Ze staan hier zodat je alles ziet wat de app weet.</translation>
        </message>
        <message>
            <source>A national figure describes a group, measured once, often over a longer period than your week. The card shows the share of a group that was in your category. Where only the other side of a two-way split was published, the card shows 100 minus that share, marked “derived”.</source>
            <translation>Een landelijk cijfer gaat over een groep, één keer gemeten, vaak over een langere periode dan jouw week. De kaart laat het deel van een groep zien dat in jouw categorie viel. Is alleen de andere kant van een tweedeling gepubliceerd, dan toont de kaart 100 min dat deel, met ‘afgeleid’ erbij.</translation>
        </message>
        <message>
            <source>This is the app's own question; the national figures come from questions worded differently.</source>
            <translation>Dit is een eigen vraag van de app; de landelijke cijfers komen uit vragen die anders zijn gesteld.</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Cijfer</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Groep</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <source>How measured</source>
            <translation>Hoe gemeten</translation>
        </message>
        <message>
            <source>Recall period</source>
            <translation>Vraagperiode</translation>
        </message>
        <message>
            <source>Comparable with your answer?</source>
            <translation>Vergelijkbaar met jouw antwoord?</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>Gecontroleerd</translation>
        </message>
        <message>
            <source>Kamerstuk {number}</source>
            <translation>Kamerstuk {number}</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Bron</translation>
        </message>
        <message>
            <source>{recall} (in the app: {own})</source>
            <translation>{recall} (in de app: {own})</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Your data was saved by a newer version of VitaalThuis. This version leaves it alone, so nothing is lost. Please install the newest version.

{path}</source>
            <translation>Je gegevens zijn opgeslagen door een nieuwere versie van VitaalThuis. Deze versie laat ze ongemoeid, dus er gaat niets verloren. Installeer de nieuwste versie.

{path}</translation>
        </message>
        <message>
            <source>The data file cannot be read: it is damaged or belongs to another program. It was not changed.

{path}</source>
            <translation>Het gegevensbestand kan niet worden gelezen: het is beschadigd of hoort bij een ander programma. Er is niets aan veranderd.

{path}</translation>
        </message>
        <message>
            <source>VitaalThuis cannot use its data folder, so it cannot save anything. Check that the folder exists and that you may write to it.

{path}</source>
            <translation>VitaalThuis kan zijn gegevensmap niet gebruiken en kan dus niets opslaan. Controleer of de map bestaat en of je erin mag schrijven.

{path}</translation>
        </message>
        <message>
            <source>Updating your data to this version did not work. Nothing was lost: a copy was made first, and your data was left as it was.

{path}</source>
            <translation>Het bijwerken van je gegevens naar deze versie is niet gelukt. Er is niets verloren: eerst is een kopie gemaakt, en je gegevens zijn gelaten zoals ze waren.

{path}</translation>
        </message>
        <message>
            <source>Your data could not be opened. It was not changed.

{path}</source>
            <translation>Je gegevens konden niet worden geopend. Er is niets aan veranderd.

{path}</translation>
        </message>
        <message>
            <source>Your data file could not be read (it is damaged or belongs to another program). It was not deleted: it is now here:
{path}</source>
            <translation>Je gegevensbestand kon niet worden gelezen (het is beschadigd of hoort bij een ander programma). Het is niet verwijderd: het staat nu hier:
{path}</translation>
        </message>
        <message>
            <source>There is no backup to restore. VitaalThuis starts with empty data.</source>
            <translation>Er is geen reservekopie om terug te zetten. VitaalThuis begint met lege gegevens.</translation>
        </message>
        <message>
            <source>Restore the backup</source>
            <translation>Reservekopie terugzetten</translation>
        </message>
        <message>
            <source>Start with empty data</source>
            <translation>Met lege gegevens beginnen</translation>
        </message>
        <message>
            <source>Something went wrong in VitaalThuis. Everything you saved is kept.</source>
            <translation>Er ging iets mis in VitaalThuis. Alles wat je hebt opgeslagen is bewaard.</translation>
        </message>
        <message>
            <source>Something went wrong in VitaalThuis. Everything you saved is kept, and your answers of the check-in you were filling in are kept as a draft.</source>
            <translation>Er ging iets mis in VitaalThuis. Alles wat je hebt opgeslagen is bewaard. Je antwoorden van de check-in die je aan het invullen was, zijn bewaard als concept.</translation>
        </message>
        <message>
            <source>Something went wrong in VitaalThuis. Everything you saved earlier is kept, but your answers of the check-in you were filling in could not be saved. They are still on screen: try again before you close the app.</source>
            <translation>Er ging iets mis in VitaalThuis. Alles wat je eerder hebt opgeslagen is bewaard. Je antwoorden van de check-in die je aan het invullen was, konden niet worden opgeslagen. Ze staan nog op je scherm: probeer het opnieuw voordat je de app sluit.</translation>
        </message>
        <message>
            <source>You can carry on; if something does not work, restart the app.

Details for a helpdesk are in the log file:
{path}</source>
            <translation>Je kunt gewoon verder. Werkt iets niet, start de app dan opnieuw.

Voor een helpdesk staan de details in het logbestand:
{path}</translation>
        </message>
    </context>
    <context>
        <name>StartupTexts</name>
        <message numerus="yes">
            <source>The newest good backup is from {date}, with %n check-in(s). Restore it?</source>
            <translation>
                <numerusform>De nieuwste goede reservekopie is van {date}, met %n check-in. Wil je die terugzetten?</numerusform>
                <numerusform>De nieuwste goede reservekopie is van {date}, met %n check-ins. Wil je die terugzetten?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TipCard</name>
        <message>
            <source>Source: {citation}</source>
            <translation>Bron: {citation}</translation>
        </message>
        <message>
            <source>This helps</source>
            <translation>Dit helpt</translation>
        </message>
        <message>
            <source>This helps: {title}</source>
            <translation>Dit helpt: {title}</translation>
        </message>
        <message>
            <source>Not for me</source>
            <translation>Niet voor mij</translation>
        </message>
        <message>
            <source>Not for me: {title}</source>
            <translation>Niet voor mij: {title}</translation>
        </message>
        <message>
            <source>You marked this tip as helpful.</source>
            <translation>Je vond deze tip nuttig.</translation>
        </message>
        <message>
            <source>This tip will not be suggested again.</source>
            <translation>Deze tip krijg je niet meer voorgesteld.</translation>
        </message>
    </context>
    <context>
        <name>TipsView</name>
        <message>
            <source>Workplace and posture</source>
            <translation>Werkplek en houding</translation>
        </message>
        <message>
            <source>Breaks and movement</source>
            <translation>Pauzes en bewegen</translation>
        </message>
        <message>
            <source>Screen time</source>
            <translation>Schermtijd</translation>
        </message>
        <message>
            <source>Structure and boundaries</source>
            <translation>Structuur en grenzen</translation>
        </message>
        <message>
            <source>Social contact</source>
            <translation>Sociaal contact</translation>
        </message>
        <message>
            <source>Stress and mental health</source>
            <translation>Stress en mentale gezondheid</translation>
        </message>
        <message>
            <source>For managers</source>
            <translation>Voor leidinggevenden</translation>
        </message>
        <message>
            <source>Your rights, the employer's duties</source>
            <translation>Jouw rechten, de plichten van je werkgever</translation>
        </message>
        <message>
            <source>Tips for this week</source>
            <translation>Tips voor deze week</translation>
        </message>
        <message>
            <source>After this week's check-in, tips that fit your answers appear here.</source>
            <translation>Na de check-in van deze week zie je hier tips die passen bij je antwoorden.</translation>
        </message>
        <message>
            <source>All tips</source>
            <translation>Alle tips</translation>
        </message>
        <message>
            <source>Search tips…</source>
            <translation>Tips zoeken…</translation>
        </message>
        <message>
            <source>Search tips</source>
            <translation>Tips zoeken</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Thema</translation>
        </message>
        <message>
            <source>All themes</source>
            <translation>Alle thema’s</translation>
        </message>
        <message>
            <source>Tips</source>
            <translation>Tips</translation>
        </message>
        <message>
            <source>{n} of {total} tips</source>
            <translation>{n} van {total} tips</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome to VitaalThuis</source>
            <translation>Welkom bij VitaalThuis</translation>
        </message>
        <message>
            <source>Once a week you answer a few short questions about your health, how you feel, contact with others, your arms, neck and shoulders, and the balance between work and private life. It takes about two minutes.</source>
            <translation>Eén keer per week beantwoord je een paar korte vragen over je gezondheid, hoe je je voelt, contact met anderen, je armen, nek en schouders, en de balans tussen werk en privé. Dat duurt ongeveer twee minuten.</translation>
        </message>
        <message>
            <source>You see how you are doing over the weeks, next to figures for the Netherlands, with practical tips for working from home.</source>
            <translation>Je ziet hoe het met je gaat over de weken heen, naast cijfers voor Nederland, met praktische tips voor thuiswerken.</translation>
        </message>
        <message>
            <source>This is not a diagnosis. If you are worried about how you feel, talk to your GP (huisarts) or company doctor (bedrijfsarts).</source>
            <translation>Dit is geen diagnose. Maak je je zorgen over hoe je je voelt, praat er dan over met je huisarts of bedrijfsarts.</translation>
        </message>
        <message>
            <source>Your answers stay on this computer. Nobody else sees them, not your employer either, unless you export them yourself.</source>
            <translation>Je antwoorden blijven op deze computer. Niemand anders ziet ze, ook je werkgever niet, tenzij je ze zelf exporteert.</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Taal:</translation>
        </message>
        <message>
            <source>&amp;Get started</source>
            <translation>&amp;Aan de slag</translation>
        </message>
        <message>
            <source>Remind me every week</source>
            <translation>Herinner me elke week</translation>
        </message>
        <message>
            <source>on</source>
            <translation>op</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>maandag</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>dinsdag</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>woensdag</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>donderdag</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>vrijdag</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>zaterdag</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>zondag</translation>
        </message>
        <message>
            <source>Reminder day</source>
            <translation>Dag van de herinnering</translation>
        </message>
        <message>
            <source>at</source>
            <translation>om</translation>
        </message>
        <message>
            <source>Reminder time</source>
            <translation>Tijd van de herinnering</translation>
        </message>
        <message>
            <source>Start at login</source>
            <translation>Start bij inloggen</translation>
        </message>
        <message>
            <source>A small helper starts with your computer, so the reminder reaches you.</source>
            <translation>Een klein hulpprogramma start mee met je computer. Zo bereikt de herinnering je.</translation>
        </message>
        <message>
            <source>You can switch it off later in Settings.</source>
            <translation>Je zet het later makkelijk uit bij Instellingen.</translation>
        </message>
        <message>
            <source>your organisation</source>
            <translation>je organisatie</translation>
        </message>
        <message>
            <source>Settings that are greyed out were set by {who}.</source>
            <translation>Grijze instellingen zijn vastgelegd door {who}.</translation>
        </message>
        <message>
            <source>Set by {who}</source>
            <translation>Vastgelegd door {who}</translation>
        </message>
    </context>
</TS>