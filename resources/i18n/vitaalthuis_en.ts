<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
    <context>
        <name>CheckinPage</name>
        <message numerus="yes">
            <source>Not finished yet: %n answer(s) still missing. The first one is shown.</source>
            <translation>
                <numerusform>Not finished yet: %n answer is still missing. It is shown now.</numerusform>
                <numerusform>Not finished yet: %n answers are still missing. The first one is shown.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more answer(s) need attention.</source>
            <translation>
                <numerusform>%n more answer needs attention.</numerusform>
                <numerusform>%n more answers need attention.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
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
                <numerusform>%n week with 4 or more home days</numerusform>
                <numerusform>%n weeks with 4 or more home days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n week(s) with fewer</source>
            <translation>
                <numerusform>%n week with fewer</numerusform>
                <numerusform>%n weeks with fewer</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DimensionCard</name>
        <message numerus="yes">
            <source>your average of {mean} over the %n check-in(s) before</source>
            <translation>
                <numerusform>your average of {mean} over the %n check-in before</numerusform>
                <numerusform>your average of {mean} over the %n check-ins before</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MyDataDialog</name>
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
                <numerusform>%n unfinished draft</numerusform>
                <numerusform>%n unfinished drafts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n backup(s)</source>
            <translation>
                <numerusform>%n backup</numerusform>
                <numerusform>%n backups</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n set-aside file(s)</source>
            <translation>
                <numerusform>%n set-aside file</numerusform>
                <numerusform>%n set-aside files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n week(s)</source>
            <translation>
                <numerusform>%n week</numerusform>
                <numerusform>%n weeks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Restore the backup of {date} with %n check-in(s)? Your data as it is now is kept as a backup first.</source>
            <translation>
                <numerusform>Restore the backup of {date} with %n check-in? Your data as it is now is kept as a backup first.</numerusform>
                <numerusform>Restore the backup of {date} with %n check-ins? Your data as it is now is kept as a backup first.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message numerus="yes">
            <source>%n check-in(s) from {first} to {last}.</source>
            <translation>
                <numerusform>%n check-in from {first} to {last}.</numerusform>
                <numerusform>%n check-ins from {first} to {last}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StartupTexts</name>
        <message numerus="yes">
            <source>The newest good backup is from {date}, with %n check-in(s). Restore it?</source>
            <translation>
                <numerusform>The newest good backup is from {date}, with %n check-in. Restore it?</numerusform>
                <numerusform>The newest good backup is from {date}, with %n check-ins. Restore it?</numerusform>
            </translation>
        </message>
    </context>
</TS>