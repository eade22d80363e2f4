<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
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
        <source>Almost done: {n} answer(s) still need attention. The first one is shown.</source>
        <translation>Bijna klaar: nog {n} antwoord(en) nodig. Het eerste zie je nu.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
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
        <source>Fill &amp;in</source>
        <translation>&amp;Invullen</translation>
    </message>
    <message>
        <source>Your check-ins</source>
        <translation>Je check-ins</translation>
    </message>
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
    <message>
        <source>This week's check-in is still open. It takes about three minutes.</source>
        <translation>De check-in van deze week staat nog open. Het kost ongeveer drie minuten.</translation>
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
        <source>Health: {health}; well-being {mhi5} of 100; life {ls} of 10; {lonely}.</source>
        <translation>Gezondheid: {health}; welbevinden {mhi5} van 100; leven {ls} van 10; {lonely}.</translation>
    </message>
    <message>
        <source>The check-in of {week} was deleted.</source>
        <translation>De check-in van {week} is verwijderd.</translation>
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
        <source>Life (1–10)</source>
        <translation>Leven (1–10)</translation>
    </message>
    <message>
        <source>Loneliness</source>
        <translation>Eenzaamheid</translation>
    </message>
    <message>
        <source>Arm/neck/shoulder</source>
        <translation>Arm, nek, schouder</translation>
    </message>
    <message>
        <source>Missed private time</source>
        <translation>Privé gemist</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;VitaalThuis</source>
        <translation>&amp;VitaalThuis</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Start</translation>
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
        <source>&amp;About VitaalThuis</source>
        <translation>&amp;Over VitaalThuis</translation>
    </message>
    <message>
        <source>Saved: {week}</source>
        <translation>Opgeslagen: {week}</translation>
    </message>
    <message>
        <source>Settings could not be saved: {error}</source>
        <translation>Instellingen konden niet worden opgeslagen: {error}</translation>
    </message>
    <message>
        <source>About VitaalThuis</source>
        <translation>Over VitaalThuis</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VitaalThuis {version}&lt;/h3&gt;&lt;p&gt;A weekly check-in on your well-being while working from home. Scoring version {scoring}.&lt;/p&gt;&lt;p&gt;Your answers are stored only on this computer.&lt;/p&gt;&lt;p&gt;This is not a diagnosis.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VitaalThuis {version}&lt;/h3&gt;&lt;p&gt;Een wekelijkse check-in op je welzijn als je thuiswerkt. Scoringsversie {scoring}.&lt;/p&gt;&lt;p&gt;Je antwoorden worden alleen op deze computer bewaard.&lt;/p&gt;&lt;p&gt;Dit is geen diagnose.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Not feeling well? You do not have to carry it alone: call 113 or 0800-0113 (free) or chat at 113.nl. Your GP (huisarts) can help too.</source>
        <translation>Gaat het niet goed met je? Je hoeft het niet alleen te dragen: bel 113 of gratis 0800-0113, of chat via 113.nl. Ook je huisarts kan helpen.</translation>
    </message>
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
    <name>WelcomePage</name>
    <message>
        <source>Welcome to VitaalThuis</source>
        <translation>Welkom bij VitaalThuis</translation>
    </message>
    <message>
        <source>Once a week you answer a few short questions about your health, how you feel, contact with others, your arms, neck and shoulders, and the balance between work and private life. It takes about three minutes.</source>
        <translation>Eén keer per week beantwoord je een paar korte vragen over je gezondheid, hoe je je voelt, contact met anderen, je armen, nek en schouders, en de balans tussen werk en privé. Dat kost ongeveer drie minuten.</translation>
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
</context>
</TS>