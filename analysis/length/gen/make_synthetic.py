# Makes the synthetic CV fixtures of tests/unit/pages/synthetic (fictional people,
# deterministic text): python3 analysis/length/gen/make_synthetic.py tests/unit/pages/synthetic
# then re-measure them with measure_synthetic.sh.
import random, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
R = random.Random(20261201)
verbs = ["Led","Built","Designed","Cut","Raised","Launched","Automated","Migrated","Negotiated","Mentored","Rebuilt",
         "Introduced","Streamlined","Delivered","Scaled","Audited","Drafted","Secured","Reduced","Grew","Trained","Shipped",
         "Consolidated","Modernised","Coordinated","Analysed","Redesigned","Piloted","Standardised","Expanded"]
objs = ["the payments reconciliation pipeline","a supplier onboarding portal","the quarterly forecasting model",
        "warehouse picking routes","a customer churn dashboard","the on-call rota and runbooks","contract renewal terms",
        "the graduate training scheme","a regional sales playbook","the clinic booking system","ledger close procedures",
        "a fleet telemetry service","the grant application process","field survey data collection","the tenant repairs backlog",
        "a mobile ordering app","the print production schedule","laboratory sample tracking","the volunteer recruitment drive",
        "an energy usage audit","the release pipeline for four teams","procurement approval rules","a fraud scoring service",
        "the museum's loan records","school timetabling software","the translation memory workflow","a bike-share rebalancing model",
        "the pharmacy stock ledger","an archive digitisation project","a risk register for capital works"]
results = ["cutting processing time by {n}%","saving about £{k}k a year","for {m} users across {r} regions",
           "ahead of a {w}-week deadline","raising satisfaction scores from {a} to {b}","with zero unplanned downtime",
           "reducing errors by {n}%","adopted by {r} other teams","within a £{k}k budget","lifting conversion by {n}%"]
def res():
    return R.choice(results).format(n=R.randint(8,61), k=R.randint(12,480), m=R.choice([300,1200,4500,18000,65000]),
                                    r=R.randint(2,9), w=R.randint(3,14), a=round(R.uniform(3.0,3.6),1), b=round(R.uniform(4.0,4.8),1))
used=set()
def bullet(long=False):
    while True:
        v, o = R.choice(verbs), R.choice(objs)
        if (v,o) not in used: used.add((v,o)); break
    s = f"{v} {o}, {res()}"
    if long or R.random() < 0.35:
        s += f", and {R.choice(verbs).lower()} {R.choice(objs)} {res()}"
    return s + "."
orgs = ["Harbourline Logistics","Fenwick & Rowe","Northgate Health Trust","Corvid Analytics","Bramble Publishing",
        "Tidewater Energy","Kestrel Software","Ashdown Council","Marlow Instruments","Pellucid Bank","Greyfriars Museum",
        "Oriel Robotics","Saltmarsh Foods","Linden Housing","Quarry Lane Studios","Vantage Rail"]
roles = ["Operations Analyst","Senior Software Engineer","Project Manager","Data Scientist","Finance Officer",
         "Product Owner","Team Lead","Research Assistant","Graduate Engineer","Service Designer","Head of Delivery"]
towns = ["Leeds","Bristol","Glasgow","Norwich","Cardiff","Manchester","York","Belfast","Exeter","Aberdeen"]
def jobs(n):
    js=[]; y=2024
    for i in range(n):
        y0 = y - R.randint(1,4)
        js.append((R.choice(roles), orgs[(i*5+R.randint(0,3))%len(orgs)], R.choice(towns), f"{y0}--{y}" if i else f"{y0}--present"))
        y = y0
    return js
summ = ["Analyst with a record of turning messy operational data into decisions people act on.",
        "Engineer who enjoys the unglamorous work of making systems dependable and cheap to run.",
        "Manager of small cross-functional teams in regulated settings, comfortable with budgets and audits.",
        "Researcher moving into industry, with field work, statistics and clear writing for non-specialists."]
def para():
    return " ".join(R.sample(summ, 2)) + f" Based in {R.choice(towns)}; happy to travel."

def md(name, title, njobs, nb, extra_sections, deflist=False, rule=False):
    L=[f"# {title}", "", f"{R.choice(towns)} · {name.lower().replace(' ','.')}@example.org · 07700 900{R.randint(100,999)}", ""]
    if rule: L += ["---", ""]
    L += ["## Profile", "", para(), ""]
    L += ["## Experience", ""]
    for (ro,org,town,d) in jobs(njobs):
        if deflist:
            L += [f"{d.replace('--','–')}", f":   **{ro}**, {org}, {town}", ""]
            for _ in range(nb): L.append(f"    - {bullet()}")
            L.append("")
        else:
            L += [f"### {ro}, {org}", "", f"*{town}, {d.replace('--','–')}*", ""]
            for _ in range(nb): L.append(f"- {bullet()}")
            L.append("")
    for sec in extra_sections:
        L += [f"## {sec}", ""]
        if sec == "Education":
            L += [f"**MSc Data Science**, University of {R.choice(towns)}, 2012", "",
                  f"**BA Geography**, University of {R.choice(towns)}, 2009", ""]
        elif sec == "Skills":
            L += ["- **Languages:** Python, SQL, R, a little Go", "- **Tools:** dbt, Airflow, Tableau, Git",
                  "- **Other:** full UK driving licence; conversational Welsh", ""]
        else:
            for _ in range(3): L.append(f"- {bullet()}")
            L.append("")
    return "\n".join(L)

def tex_article(name, opts, pkgs, njobs, nb, extra=""):
    L=[f"\\documentclass[{opts}]{{article}}"] + pkgs + [extra, "\\pagestyle{empty}", "\\begin{document}", "",
       f"\\begin{{center}}{{\\Large\\bfseries {name}}}\\\\", f"{R.choice(towns)} \\textbullet{{}} {name.split()[0].lower()}@example.org\\end{{center}}", "",
       "\\section*{Profile}", para(), "", "\\section*{Experience}"]
    for (ro,org,town,d) in jobs(njobs):
        L += [f"\\subsection*{{{ro}, {org}}}", f"\\textit{{{town}, {d}}}", "\\begin{itemize}"]
        for _ in range(nb): L.append(f"  \\item {bullet()}")
        L += ["\\end{itemize}", ""]
    L += ["\\section*{Education}", f"\\textbf{{MEng Civil Engineering}}, University of {R.choice(towns)}, 2011.", "",
          "\\section*{Skills}", "Python, SQL, AutoCAD, stakeholder workshops, NEC4 contracts.", "", "\\end{document}", ""]
    return "\n".join(L)

def moderncv(name, size, style, njobs, nb):
    first, last = name.split()
    L=[f"\\documentclass[{size},a4paper,sans]{{moderncv}}", f"\\moderncvstyle{{{style}}}", "\\moderncvcolor{blue}",
       "\\usepackage[scale=0.8]{geometry}", "\\usepackage[T1]{fontenc}", "\\usepackage{lmodern}", f"\\name{{{first}}}{{{last}}}", "\\title{Curriculum Vitae}",
       f"\\address{{12 Mill Street}}{{{R.choice(towns)}}}{{UK}}", "\\phone[mobile]{07700 900123}", f"\\email{{{first.lower()}@example.org}}",
       "\\begin{document}", "\\makecvtitle", "", "\\section{Profile}", f"\\cvitem{{}}{{{para()}}}", "", "\\section{Experience}"]
    for (ro,org,town,d) in jobs(njobs):
        L.append(f"\\cventry{{{d}}}{{{ro}}}{{{org}}}{{{town}}}{{}}{{%")
        L.append("\\begin{itemize}")
        for _ in range(nb): L.append(f"  \\item {bullet()}")
        L.append("\\end{itemize}}")
    L += ["", "\\section{Education}", f"\\cventry{{2008--2011}}{{BSc Chemistry}}{{University of {R.choice(towns)}}}{{}}{{}}{{}}",
          "", "\\section{Skills}", "\\cvitem{Lab}{HPLC, GC-MS, method validation}", "\\cvitem{Software}{Python, LabVIEW, Excel}",
          "\\end{document}", ""]
    return "\n".join(L)

docs = {
 "md-short.md": md("Priya Fenwick", "Priya Fenwick", 2, 4, ["Education","Skills"]),
 "md-medium.md": md("Tomasz Ellery", "Tomasz Ellery", 4, 5, ["Education","Skills","Volunteering"]),
 "md-deflist-long.md": md("Aoife Marchetti", "Aoife Marchetti", 7, 6, ["Education","Skills","Publications"], deflist=True, rule=True),
 "tex-geometry-a4.tex": tex_article("Gareth Okonkwo", "11pt,a4paper", ["\\usepackage[margin=2cm]{geometry}"], 6, 5),
 "tex-fullpage-letter.tex": tex_article("Mei-Ling Hart", "10pt,letterpaper", ["\\usepackage{fullpage}"], 5, 5),
 "tex-12pt-enumitem.tex": tex_article("Rhys Adebayo", "12pt,a4paper", ["\\usepackage[left=25mm,right=25mm,top=20mm,bottom=20mm]{geometry}", "\\usepackage{enumitem}"], 7, 4, "\\setlist{nosep}"),
 "moderncv-classic.tex": moderncv("Ingrid Salazar", "11pt", "classic", 6, 4),
 "moderncv-casual-10pt.tex": moderncv("Kwame Lindqvist", "10pt", "casual", 4, 3),
}
# pandoc metadata the template reads (added last: the documents above keep their text).
body = md("Olusegun Brandt", "Olusegun Brandt", 5, 5, ["Education", "Skills"]).split("\n", 2)[2]
docs["md-yaml-a4-11pt.md"] = ("---\ntitle: \"Olusegun Brandt\"\ngeometry: margin=2cm\nfontsize: 11pt\npapersize: a4\n---\n\n" + body)
for fn, text in docs.items():
    if fn.endswith(".tex"):
        text = text.replace("&", "\\&").replace("%", "\\%").replace("{\\%\n", "{%\n")
    open(os.path.join(out, fn), "w").write(text)
print("\n".join(docs))
body = md("Niamh Okafor", "Niamh Okafor", 4, 5, ["Education", "Skills"]).split("\n", 2)[2]
docs["md-yaml-title-author.md"] = ('---\ntitle: "Niamh Okafor"\nauthor: "Logistics Analyst"\ndate: "March 2026"\n---\n\n' + body)
t = tex_article("Saoirse Whitfield", "11pt,a4paper", ["\\usepackage[margin=2cm]{geometry}", "\\usepackage{enumitem}"], 6, 5,
                "\\setlist[itemize]{itemsep=2pt,topsep=4pt,leftmargin=*}")
docs["tex-enumitem-itemsep.tex"] = t.replace("&", "\\&").replace("%", "\\%")
# The a4 article with enumitem spacing: a list right after running text gets no \partopsep.
docs["tex-geometry-a4-setlist.tex"] = docs["tex-geometry-a4.tex"].replace(
    "\\pagestyle{empty}", "\\usepackage{enumitem}\\setlist[itemize]{itemsep=2pt,topsep=4pt,leftmargin=*}\\pagestyle{empty}"
).replace("&", "\\&").replace("%", "\\%")
for fn in ("md-yaml-a4-11pt.md", "md-yaml-title-author.md", "tex-enumitem-itemsep.tex", "tex-geometry-a4-setlist.tex"):
    open(os.path.join(out, fn), "w").write(docs[fn])
