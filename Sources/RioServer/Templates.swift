/// The platform's page templates (swift-mustache), one constant a page, fed by the view structs
/// of the controllers. `{{x}}` escapes HTML; nothing here uses the raw `{{{x}}}` form except the
/// report, which `HTMLReport` escaped already.
///
/// Pages load nothing from elsewhere and need no JavaScript: every action is a plain form.
enum Templates {
    /// Every template by name, as the renderer registers them.
    static let all: [(name: String, text: String)] = [
        ("top", top), ("bottom", bottom), ("home", home), ("planHeader", planHeader), ("region", region), ("subscribe", subscribe),
        ("signin", signin), ("signout", signout), ("needs", needs), ("records", records), ("publish", publish), ("access", access),
        ("error", error), ("subscribeForm", subscribeForm), ("problems", problems),
    ]

    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2b36;background:#f6f8f9}
        .platform{background:#12394d;color:#fff;padding:.6em 1.2em;display:flex;flex-wrap:wrap;gap:1em;align-items:center}
        .platform a{color:#fff}.platform form{display:inline;margin:0}.platform .who{margin-left:auto;opacity:.85}
        main{max-width:1100px;margin:1.2em auto;padding:0 1.2em}
        table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #cfd8dc;padding:.25em .6em;text-align:left}
        th{background:#e8eef1}.nowrap{white-space:nowrap}.errors{border-left:4px solid #b3261e;background:#fdecea;padding:.5em 1em}
        .ok{border-left:4px solid #1b7f3b;background:#e7f5ec;padding:.5em 1em}
        form.box{background:#fff;border:1px solid #cfd8dc;padding:.8em 1em;margin:.8em 0}
        label{display:block;margin:.3em 0}code,.token{font-family:ui-monospace,Menlo,monospace;word-break:break-all}
        .grid{display:grid;grid-template-columns:1fr 1fr;gap:1em}@media(max-width:800px){.grid{grid-template-columns:1fr}}
        """

    static let nav = """
        <nav class="platform"><strong>RioPlan platform</strong><a href="/">Published plans</a>
        {{#canNeeds}}<a href="/needs">Needs</a>{{/canNeeds}}{{#canPublish}}<a href="/publish">Publish</a>{{/canPublish}}
        {{#canAccess}}<a href="/access">Access</a>{{/canAccess}}
        {{#signedIn}}<span class="who">{{who}} ({{role}})</span>
        <form method="post" action="/signout"><input type="hidden" name="csrf" value="{{csrf}}"><button>Sign out</button></form>{{/signedIn}}
        {{^signedIn}}<a class="who" href="/signin">Sign in</a>{{/signedIn}}</nav>
        """

    static let top = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — RioPlan</title><style>\(style)</style></head><body>
        \(nav)
        <main>
        """

    static let bottom = """
        </main></body></html>

        """

    static let home = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>Published plans</h1>
        {{#plans}}{{#first()}}<table><tr><th>Plan</th><th>Version</th><th>Published</th><th>By</th></tr>{{/first()}}
        <tr><td><a href="/plans/{{name}}">{{name}}</a></td><td>{{version}}</td><td>{{publishedAt}}</td><td>{{publishedBy}}</td></tr>
        {{#last()}}</table>{{/last()}}{{/plans}}
        {{^plans}}<p>No plan is published yet. The coordinator publishes one with <code>rioplan publish NAME</code>.</p>{{/plans}}
        {{#layout.canNeeds}}<form class="box" method="get" action="/needs"><label>Needs for the planning cycle
        <input name="cycle" required pattern="[A-Za-z0-9][A-Za-z0-9._-]*"></label><button>Open</button></form>{{/layout.canNeeds}}
        {{> bottom}}
        """

    /// Put at the top of the report's body on `/plans/NAME`.
    static let planHeader = """
        <style>\(style) body{background:#fff}</style>
        {{#layout}}\(nav){{/layout}}
        <main><p>Published version <strong>{{version}}</strong> of <strong>{{name}}</strong>, {{publishedAt}} by {{publishedBy}}.</p>
        <p>Regions: {{#regions}}<a href="/plans/{{name}}/regions/{{id}}">{{label}}</a> {{/regions}}{{^regions}}none scheduled{{/regions}}</p>
        {{#canWorkbooks}}<p>Co-financing: <a href="/plans/{{name}}/cofinancing.xlsx">workbook (XLSX)</a> ·
        <a href="/plans/{{name}}/cofinancing.csv">sessions (CSV)</a></p>{{/canWorkbooks}}
        {{#layout.canNeeds}}<p>Regional offices: <a href="/records/{{name}}">upload sign-in sheets and outcomes</a> for this plan's
        sessions.</p>{{/layout.canNeeds}}
        {{> subscribeForm}}
        </main>
        """

    static let subscribeForm = """
        <form class="box" method="post" action="/plans/{{name}}/subscribe"><input type="hidden" name="csrf" value="{{csrf}}">
        <strong>Subscribe in Outlook or Google Calendar.</strong> Paste the feed path that <code>rioplan access add</code> gave you
        (it looks like <code>/feeds/rpf_…/</code>; the server keeps only a hash of it, so it cannot show it to you):
        <label><input name="feed" size="60" required autocomplete="off"></label>
        {{#regionId}}<input type="hidden" name="region" value="{{regionId}}">{{/regionId}}
        <button>Make my calendar links</button></form>
        """

    static let region = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>{{regionLabel}} — {{name}} (version {{version}})</h1>
        <p><a href="/plans/{{name}}">The whole plan</a></p>
        {{#sessions}}{{#first()}}<table><tr><th>Session</th><th>Module</th><th>Start</th><th>End</th><th>Where</th><th>Language</th>
        <th>Participants</th><th>Conventions</th></tr>{{/first()}}
        <tr><td>{{id}}</td><td>{{module}}</td><td class="nowrap">{{start}}</td><td class="nowrap">{{end}}</td><td>{{venue}}</td>
        <td>{{language}}</td><td>{{participants}}</td><td>{{conventions}}</td></tr>{{#last()}}</table>{{/last()}}{{/sessions}}
        {{^sessions}}<p>No session of this plan is in {{regionLabel}}.</p>{{/sessions}}
        {{> subscribeForm}}
        {{> bottom}}
        """

    static let subscribe = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>Calendar links for {{name}}{{#regionId}} ({{regionId}}){{/regionId}}</h1>
        <p class="ok">These links hold your personal feed token: do not share them. Revoking your access stops them at once.</p>
        <p><strong>Outlook</strong> (web or desktop): Calendar → Add calendar → Subscribe from web, paste
        <br><code class="token">{{https}}</code></p>
        <p><strong>Google Calendar</strong>: Other calendars → + → From URL, paste the same address.</p>
        <p><strong>Apple Calendar, Thunderbird</strong>: open <a href="{{webcal}}">{{webcal}}</a></p>
        <p><a href="/plans/{{name}}">Back to the plan</a></p>
        {{> bottom}}
        """

    static let signin = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>Sign in</h1>
        {{#message}}<p class="errors">{{message}}</p>{{/message}}
        <form class="box" method="post" action="/signin"><label>Sign-in token (from <code>rioplan access add</code>, begins with
        <code>rps_</code>) <input name="token" type="password" size="60" required autocomplete="off"></label>
        <button>Sign in</button></form>
        {{> bottom}}
        """

    static let signout = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>Sign out</h1>{{#layout.signedIn}}<form class="box" method="post" action="/signout">
        <input type="hidden" name="csrf" value="{{layout.csrf}}"><button>Sign out</button></form>{{/layout.signedIn}}
        {{^layout.signedIn}}<p>You are signed out. <a href="/signin">Sign in</a></p>{{/layout.signedIn}}
        {{> bottom}}
        """

    static let problems = """
        {{#problems}}{{#first()}}<div class="errors"><p>{{message}}</p><ul>{{/first()}}<li>{{text}}</li>{{#last()}}</ul></div>{{/last()}}{{/problems}}
        """

    static let needs = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>Needs for {{cycle}} ({{start}} to {{end}})</h1>
        {{#notice}}<p class="ok">{{notice}}</p>{{/notice}}
        <div class="grid"><div><form class="box" method="post" action="/needs/{{cycle}}"><input type="hidden" name="csrf" value="{{layout.csrf}}">
        <strong>Add one need</strong>{{#formErrors}}{{> problems}}{{/formErrors}}
        {{#fields}}<label>{{label}} <input name="{{name}}" value="{{value}}"{{#required}} required{{/required}}></label>{{/fields}}
        <button>Submit need</button></form></div>
        <div><form class="box" method="post" action="/needs/{{cycle}}/upload" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{layout.csrf}}"><strong>Upload a sheet (CSV or XLSX)</strong>
        <p>Columns as in a request's <code>demand</code> list: id (optional), module, region, participants, languages, priority,
        earliest, latest. Nothing is stored unless every row is valid.</p>{{#uploadErrors}}{{> problems}}{{/uploadErrors}}
        <label><input type="file" name="sheet" accept=".csv,.xlsx" required></label><button>Upload</button></form></div></div>
        <h2>Submitted</h2>
        {{#submissions}}<h3>#{{id}} by {{sender}}, {{submittedAt}} ({{source}}, {{region}})</h3>
        <table><tr><th>Id</th><th>Module</th><th>Region</th><th>Participants</th><th>Languages</th><th>Priority</th><th>Earliest</th>
        <th>Latest</th></tr>{{#rows}}<tr><td>{{id}}</td><td>{{module}}</td><td>{{region}}</td><td>{{participants}}</td><td>{{languages}}</td>
        <td>{{priority}}</td><td>{{earliest}}</td><td>{{latest}}</td></tr>{{/rows}}</table>{{/submissions}}
        {{^submissions}}<p>Nothing submitted yet for this cycle.</p>{{/submissions}}
        {{> bottom}}
        """

    static let records = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>Delivery records for {{plan}}</h1>
        {{#notice}}<p class="ok">{{notice}}</p>{{/notice}}
        <div class="grid"><div><form class="box" method="post" action="/records/{{plan}}/attendance" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{layout.csrf}}"><strong>Upload a session's sign-in sheet (CSV or XLSX)</strong>
        {{#attendanceErrors}}{{> problems}}{{/attendanceErrors}}
        <label>Session <select name="session" required>{{#sessions}}<option value="{{.}}">{{.}}</option>{{/sessions}}</select></label>
        <label><input type="file" name="sheet" accept=".csv,.xlsx" required></label><button>Upload sign-in sheet</button></form></div>
        <div><form class="box" method="post" action="/records/{{plan}}/outcomes" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{layout.csrf}}"><strong>Upload outcomes (CSV or XLSX)</strong>
        {{#outcomeErrors}}{{> problems}}{{/outcomeErrors}}
        <label><input type="file" name="sheet" accept=".csv,.xlsx" required></label><button>Upload outcomes</button></form></div></div>
        {{^sessions}}<p>No session of {{plan}} is yours to record.</p>{{/sessions}}
        {{> bottom}}
        """

    static let publish = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>Publish a plan version</h1>
        {{#notice}}<p class="ok">{{notice}}</p>{{/notice}}
        <form class="box" method="post" action="/publish"><input type="hidden" name="csrf" value="{{layout.csrf}}">
        <label>Plan <code>NAME@N</code>, or <code>NAME</code> for its latest recorded version <input name="plan" required></label>
        <button>Publish</button></form>
        {{> bottom}}
        """

    static let access = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>Access</h1>
        {{#issued}}<div class="ok"><p>Access for <strong>{{name}}</strong> ({{role}}). Give these to them now: they are shown once.</p>
        <p>Sign-in token: <code class="token">{{signInToken}}</code></p><p>Feed path: <code class="token">{{feedPath}}</code></p></div>{{/issued}}
        {{#notice}}<p class="ok">{{notice}}</p>{{/notice}}
        <table><tr><th>Name</th><th>Role</th><th>Created</th><th>Last seen</th><th>Revoked</th><th></th></tr>
        {{#entries}}<tr><td>{{name}}</td><td>{{role}}</td><td>{{createdAt}}</td><td>{{lastSeenAt}}</td><td>{{revokedAt}}</td>
        <td>{{^revokedAt}}<form method="post" action="/access/revoke"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="name" value="{{name}}"><button>Revoke</button></form>{{/revokedAt}}</td></tr>{{/entries}}</table>
        <form class="box" method="post" action="/access"><input type="hidden" name="csrf" value="{{layout.csrf}}"><strong>Add a person</strong>
        <label>Name <input name="name" required></label><label>Role (coordinator, finance, viewer or region:ID) <input name="role" required></label>
        <button>Add</button></form>
        {{> bottom}}
        """

    static let error = """
        {{#layout}}{{> top}}{{/layout}}
        <h1>{{status}}</h1><p class="errors">{{message}}</p>
        {{#problems}}{{#first()}}<ul>{{/first()}}<li>{{text}}</li>{{#last()}}</ul>{{/last()}}{{/problems}}
        <p><a href="/">Published plans</a></p>
        {{> bottom}}
        """
}
