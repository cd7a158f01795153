"""Builds articles/*.md, docs.jsonl and gold.jsonl for blind-dev-2 from the data below."""
import json, pathlib, re

HERE = pathlib.Path(__file__).parent
HOST = "https://blind2.exodus.invalid"

A = []  # (num, slug, title, published, path, style, body, facts)

def art(num, slug, title, published, path, style, body, facts):
    A.append((num, slug, title, published, path, style, body.strip("\n"), facts))

def F(kind, **kw):
    d = {"kind": kind}
    d.update(kw)
    return d

USD = lambda v: {"value": v, "currency": "USD"}
NR = {"required": False}

# 001 ---------------------------------------------------------------
art(1, "anthropic-series-a", "Anthropic, AI safety lab started by ex-OpenAI staff, raises $124 million",
    "2021-05-28", "2021/05/anthropic-series-a", "wire", """
SAN FRANCISCO, May 28 — Anthropic, an artificial intelligence safety and research company started this year by a group of former OpenAI researchers, said on Friday that it has raised $124 million in a Series A round.

The financing was led by Skype co-founder Jaan Tallinn. James McClave, Facebook and Asana co-founder Dustin Moskovitz, former Google chief executive Eric Schmidt and the Center for Emerging Risk Research also put money in, the company said. It did not disclose a valuation.

Anthropic is run by Dario Amodei, its chief executive, who was most recently vice president of research at OpenAI. His sister, Daniela Amodei, once OpenAI's vice president of safety and policy, is the company's president. The siblings set up the company together with Tom Brown, Chris Olah, Sam McCandlish, Jack Clark and Jared Kaplan, among others.

The San Francisco company says it will spend the money on research aimed at making large AI systems more reliable, interpretable and steerable, and on the computing power needed to train such models. Its founders have argued that the behaviour of today's biggest language models is still poorly understood.

According to the announcement, the new money will pay for computationally intensive research and lay the groundwork for AI systems that people can depend on.

Anthropic is organised as a public benefit corporation. It gave no details on when, or whether, it plans to sell products.
""", [
    F("invested", investor="Center for Emerging Risk Research", investee="Anthropic", date="2021-05-28"),
    F("invested", investor="Jaan Tallinn", investee="Anthropic", date="2021-05-28", **NR),
    F("invested", investor="James McClave", investee="Anthropic", date="2021-05-28", **NR),
    F("invested", investor="Dustin Moskovitz", investee="Anthropic", date="2021-05-28", **NR),
    F("invested", investor="Eric Schmidt", investee="Anthropic", date="2021-05-28", **NR),
    F("founded", person="Jaan Tallinn", org="Skype"),
    F("founded", person="Dustin Moskovitz", org="Facebook"),
    F("founded", person="Dustin Moskovitz", org="Asana"),
    F("left", person="Eric Schmidt", org="Google", role="chief executive", **NR),
    F("founded", person="Dario Amodei", org="Anthropic", date="2021"),
    F("founded", person="Daniela Amodei", org="Anthropic", date="2021"),
    F("founded", person="Tom Brown", org="Anthropic", date="2021"),
    F("founded", person="Chris Olah", org="Anthropic", date="2021"),
    F("founded", person="Sam McCandlish", org="Anthropic", date="2021"),
    F("founded", person="Jack Clark", org="Anthropic", date="2021"),
    F("founded", person="Jared Kaplan", org="Anthropic", date="2021"),
    F("role", person="Dario Amodei", org="Anthropic", role="chief executive"),
    F("role", person="Daniela Amodei", org="Anthropic", role="president"),
    F("left", person="Dario Amodei", org="OpenAI", role="vice president of research", to_org="Anthropic", **NR),
    F("left", person="Daniela Amodei", org="OpenAI", role="vice president of safety and policy", to_org="Anthropic", **NR),
])

# 002 ---------------------------------------------------------------
art(2, "sierra-emerges", "After a year in stealth, Bret Taylor and Clay Bavor show what Sierra builds",
    "2024-02-14", "2024/02/sierra-emerges", "feature", """
For most of 2023, two of Silicon Valley's better-known operators were building something they would not discuss in public. On Tuesday, Bret Taylor and Clay Bavor finally lifted the curtain on Sierra, a company that makes conversational AI agents for customer service.

The pair founded the startup last year. Its software answers questions, processes returns and updates subscriptions on behalf of brands; early customers include WeightWatchers and SiriusXM. To get this far Sierra has raised $110 million, with the money coming from Sequoia and Benchmark.

Taylor, who is Sierra's chief executive, has had a career most founders would envy. He was chief technology officer at Facebook after it bought his startup FriendFeed, and later co-chief executive of Salesforce, a job he gave up in January 2023.

Bavor's path was longer and quieter. He spent 18 years at Google, where he ran the company's Labs group and its augmented- and virtual-reality efforts, before he departed early last year to start Sierra with Taylor.

Taylor and Bavor have known each other since their early days at Google, and they say the bet is simple: every company will soon want an AI agent speaking for it, the way every company once wanted a website.

Whether that plays out is another matter. Rivals from Salesforce to a crowd of younger startups are chasing the same customers. Taylor would not say whether Sierra is already talking to investors about raising more.
""", [
    F("founded", person="Bret Taylor", org="Sierra", date="2023"),
    F("founded", person="Clay Bavor", org="Sierra", date="2023"),
    F("invested", investor="Sequoia", investee="Sierra"),
    F("invested", investor="Benchmark", investee="Sierra"),
    F("role", person="Bret Taylor", org="Sierra", role="chief executive"),
    F("founded", person="Bret Taylor", org="FriendFeed", **NR),
    F("left", person="Bret Taylor", org="Facebook", role="chief technology officer", **NR),
    F("left", person="Bret Taylor", org="Salesforce", role="co-chief executive", date="2023-01"),
    F("left", person="Clay Bavor", org="Google", date="2023", reasons=["new_venture"]),
    F("member", person="Clay Bavor", org="Google", group="Labs group", role="head", **NR),
])

# 003 ---------------------------------------------------------------
art(3, "figure-series-b", "Figure raises $675 million Series B to bring humanoid robots to market",
    "2024-02-29", "2024/02/figure-series-b", "press-release", """
SUNNYVALE, Calif., Feb. 29, 2024 — Figure AI Inc., the company building general-purpose humanoid robots, today announced that it has raised $675 million in Series B funding at a $2.6 billion valuation.

The round includes investments from Microsoft, OpenAI Startup Fund, NVIDIA, Jeff Bezos (through Bezos Expeditions), Parkway Venture Capital, Intel Capital, Align Ventures and ARK Invest. Parkway Venture Capital also led Figure's first outside round, a $70 million raise in 2023.

Alongside the financing, Figure and OpenAI have entered into a collaboration agreement to develop next-generation AI models for humanoid robots. Figure will also use Microsoft Azure for AI infrastructure, training and storage.

"We've always planned to come back to robotics," said Peter Welinder, VP of Product and Partnerships at OpenAI, who added that the lab sees a path with Figure to explore what humanoids can do when powered by capable multimodal models.

Figure was founded in 2022 by Brett Adcock, who serves as its CEO. Adcock previously founded the electric air-taxi maker Archer Aviation and the recruiting marketplace Vettery.

Adcock said the company's aim is to get humanoid robots into commercial operations as soon as possible. The new capital will be used to scale up AI training, robot manufacturing and engineering headcount, and to advance commercial deployment, starting with an agreement announced earlier this year with BMW Manufacturing.

About Figure: Figure is an AI robotics company based in Sunnyvale, California, with a team drawn from Boston Dynamics, Tesla, Google DeepMind and Archer Aviation.

Media contact: press@figure.invalid
""", [
    F("invested", investor="Microsoft", investee="Figure AI", date="2024-02-29"),
    F("invested", investor="OpenAI Startup Fund", investee="Figure AI", date="2024-02-29"),
    F("invested", investor="Nvidia", investee="Figure AI", date="2024-02-29"),
    F("invested", investor="Bezos Expeditions", investee="Figure AI", date="2024-02-29"),
    F("invested", investor="Jeff Bezos", investee="Figure AI", date="2024-02-29", **NR),
    F("invested", investor="Parkway Venture Capital", investee="Figure AI", date="2024-02-29"),
    F("invested", investor="Intel Capital", investee="Figure AI", date="2024-02-29"),
    F("invested", investor="Align Ventures", investee="Figure AI", date="2024-02-29"),
    F("invested", investor="ARK Invest", investee="Figure AI", date="2024-02-29"),
    F("role", person="Peter Welinder", org="OpenAI", role="VP of Product and Partnerships"),
    F("founded", person="Brett Adcock", org="Figure AI", date="2022"),
    F("role", person="Brett Adcock", org="Figure AI", role="CEO"),
    F("founded", person="Brett Adcock", org="Archer Aviation"),
    F("founded", person="Brett Adcock", org="Vettery"),
])

# 004 ---------------------------------------------------------------
art(4, "coding-agents-newsletter", "The Stack, Oct. 3: poolside's half-billion and the Cognition playbook",
    "2024-10-03", "2024/10/the-stack-coding-agents", "newsletter", """
Good morning. Today's issue is all about the money flowing into AI that writes code.

**poolside lands $500 million.** The Paris-and-San-Francisco lab said yesterday that it has closed a $500 million round led by Bain Capital Ventures, valuing it at $3 billion. Nvidia joined the round as well. poolside was started in 2023 by Jason Warner, a former chief technology officer of GitHub who is now its CEO, and Eiso Kant, who serves as CTO. It is the company's second big raise in a year: French billionaire Xavier Niel and Felicis Ventures led a $126 million seed round last year.

**How Cognition got here.** Remember March? Cognition showed off Devin, an agent that plans and ships small software projects, and revealed a $21 million Series A led by Founders Fund. Weeks later, Founders Fund was back at the head of a $175 million round that valued the company at $2 billion. Cognition was founded by three competitive programmers — CEO Scott Wu, Steven Hao and Walden Yan.

**One number.** $3 billion: poolside's valuation, reached before it has shipped a product to the general public.

That's it for today. Reply to this email if you are building in the space.
""", [
    F("invested", investor="Bain Capital Ventures", investee="poolside", date="2024-10-02"),
    F("invested", investor="Nvidia", investee="poolside", date="2024-10-02"),
    F("founded", person="Jason Warner", org="poolside", date="2023"),
    F("founded", person="Eiso Kant", org="poolside", date="2023"),
    F("left", person="Jason Warner", org="GitHub", role="chief technology officer", **NR),
    F("role", person="Jason Warner", org="poolside", role="CEO"),
    F("role", person="Eiso Kant", org="poolside", role="CTO"),
    F("invested", investor="Felicis Ventures", investee="poolside", date="2023"),
    F("invested", investor="Xavier Niel", investee="poolside", date="2023", **NR),
    F("invested", investor="Founders Fund", investee="Cognition", date="2024"),
    F("founded", person="Scott Wu", org="Cognition"),
    F("founded", person="Steven Hao", org="Cognition"),
    F("founded", person="Walden Yan", org="Cognition"),
    F("role", person="Scott Wu", org="Cognition", role="CEO"),
])

# 005 ---------------------------------------------------------------
art(5, "aleph-alpha-series-b", "Germany's Aleph Alpha raises more than $500 million",
    "2023-11-06", "2023/11/aleph-alpha-series-b", "wire", """
HEIDELBERG, Germany, Nov 6 — Aleph Alpha, the German developer of large language models, said on Monday it had secured more than $500 million in a Series B financing, one of the largest rounds yet for a European AI startup.

The money comes from a consortium led by Innovation Park Artificial Intelligence (Ipai), Bosch Ventures and the Schwarz Group, the owner of the Lidl and Kaufland supermarket chains. SAP, Hewlett Packard Enterprise, Christ&Company Consulting and Burda Principal Investments also took part, as did several of the company's existing backers, the startup said.

German media had reported earlier this year that SAP was negotiating a stake; neither side commented at the time.

Aleph Alpha was founded in Heidelberg in 2019 by Jonas Andrulis, a former Apple manager who is its chief executive, and Samuel Weinbach. The company sells its Luminous models mainly to government agencies and regulated industries that want to keep data under European control.

Andrulis has long argued that Europe cannot rely on American providers for technology that will run its public administration.

The round was described by the company as a mix of equity and other commitments, and it did not break down how much each investor contributed. It also did not give a valuation.

The announcement comes as European governments debate how to regulate so-called foundation models under the EU's AI Act, a fight in which Aleph Alpha has lobbied for lighter rules.
""", [
    F("invested", investor="Innovation Park Artificial Intelligence", investee="Aleph Alpha", date="2023-11-06"),
    F("invested", investor="Bosch Ventures", investee="Aleph Alpha", date="2023-11-06"),
    F("invested", investor="Schwarz Group", investee="Aleph Alpha", date="2023-11-06"),
    F("invested", investor="SAP", investee="Aleph Alpha", date="2023-11-06"),
    F("invested", investor="Hewlett Packard Enterprise", investee="Aleph Alpha", date="2023-11-06"),
    F("invested", investor="Christ&Company Consulting", investee="Aleph Alpha", date="2023-11-06"),
    F("invested", investor="Burda Principal Investments", investee="Aleph Alpha", date="2023-11-06"),
    F("founded", person="Jonas Andrulis", org="Aleph Alpha", date="2019"),
    F("founded", person="Samuel Weinbach", org="Aleph Alpha", date="2019"),
    F("role", person="Jonas Andrulis", org="Aleph Alpha", role="chief executive"),
    F("left", person="Jonas Andrulis", org="Apple", **NR),
])

# 006 ---------------------------------------------------------------
art(6, "physical-intelligence-400m", "Analysis: Physical Intelligence's $400 million bet on a robot brain",
    "2024-11-05", "2024/11/physical-intelligence-analysis", "analysis", """
Robotics has burned through a lot of investor money. So it is worth asking why Physical Intelligence, a San Francisco startup with no product for sale, could raise $400 million this week.

The round, confirmed by the company on Monday, was backed by Jeff Bezos along with Thrive Capital and Lux Capital; OpenAI also invested. It values the startup at about $2 billion before the new cash. In March, Thrive had led a $70 million seed round, shortly after the company was set up earlier in 2024.

The answer lies partly in the résumés. Karol Hausman, the chief executive, is a former Google DeepMind research scientist who worked on robot learning there. His co-founders include Sergey Levine, a professor at UC Berkeley, Chelsea Finn, who teaches at Stanford, and Lachy Groom, a former Stripe executive turned investor.

The other part is the pitch. Rather than build one robot for one job, the company is training a single model, called π0, meant to control many kinds of machines; its demos show arms folding laundry and bussing tables. If that works, the logic goes, Physical Intelligence becomes to robot makers what a chip designer is to phone makers.

There are reasons for caution. Humanoid maker Figure raised $675 million in February, and several well-funded rivals are pursuing similar "robot brain" strategies. Data is scarce and expensive to collect. And the company itself calls generalist robot policies "still in their infancy."

Still, investors appear to have concluded that the team is the asset. At these prices, they had better be right.
""", [
    F("invested", investor="Jeff Bezos", investee="Physical Intelligence", date="2024-11", **NR),
    F("invested", investor="Thrive Capital", investee="Physical Intelligence", date="2024-11"),
    F("invested", investor="Lux Capital", investee="Physical Intelligence", date="2024-11"),
    F("invested", investor="OpenAI", investee="Physical Intelligence", date="2024-11"),
    F("founded", person="Karol Hausman", org="Physical Intelligence", date="2024"),
    F("founded", person="Sergey Levine", org="Physical Intelligence", date="2024"),
    F("founded", person="Chelsea Finn", org="Physical Intelligence", date="2024"),
    F("founded", person="Lachy Groom", org="Physical Intelligence", date="2024"),
    F("role", person="Karol Hausman", org="Physical Intelligence", role="chief executive"),
    F("left", person="Karol Hausman", org="Google DeepMind", role="research scientist", **NR),
    F("left", person="Lachy Groom", org="Stripe", **NR),
    F("role", person="Sergey Levine", org="UC Berkeley", role="professor"),
    F("role", person="Chelsea Finn", org="Stanford", role="professor", **NR),
])

# 007 ---------------------------------------------------------------
art(7, "hastings-anthropic-board", "Reed Hastings takes a seat on Anthropic's board",
    "2025-05-29", "2025/05/hastings-anthropic-board", "blog", """
Anthropic has a new director, and he is a familiar face in tech governance.

The company said on Wednesday that Reed Hastings, the co-founder and chairman of Netflix, has joined its board of directors. He was appointed by Anthropic's Long-Term Benefit Trust, the independent body of financially disinterested trustees that picks a growing share of the board, rather than by shareholders.

Hastings is no stranger to boardrooms: over the years he has sat on the boards of Microsoft and Facebook. He has also been spending money on the questions Anthropic likes to talk about, including a large gift to his alma mater, Bowdoin College, for research on AI and humanity.

In a statement, Hastings said he was optimistic about what AI can do for people but aware of its "economic, social, and safety challenges", and that he was joining because he believed in the company's approach.

He joins a board made up of chief executive Dario Amodei, president Daniela Amodei, Spark Capital partner Yasmin Razavi and Jay Kreps. Kreps, co-founder and chief executive of the data-streaming company Confluent, was himself put on the board by the trust last year.

Why does this matter? The trust is Anthropic's answer to the question every AI lab eventually faces: who gets to overrule management when safety and revenue pull in different directions. Appointing a seasoned operator, rather than an ethicist or academic, suggests the trustees want someone who has run a company at scale.

We'll see whether it changes anything you can actually measure.
""", [
    F("joined", person="Reed Hastings", org="Anthropic", role="board member", date="2025-05-28"),
    F("member", person="Reed Hastings", org="Anthropic", group="board of directors"),
    F("founded", person="Reed Hastings", org="Netflix"),
    F("role", person="Reed Hastings", org="Netflix", role="chairman"),
    F("member", person="Reed Hastings", org="Microsoft", group="board", **NR),
    F("member", person="Reed Hastings", org="Meta", group="board", **NR),
    F("left", person="Reed Hastings", org="Microsoft", role="board member", **NR),
    F("left", person="Reed Hastings", org="Meta", role="board member", **NR),
    F("member", person="Dario Amodei", org="Anthropic", group="board"),
    F("member", person="Daniela Amodei", org="Anthropic", group="board"),
    F("member", person="Yasmin Razavi", org="Anthropic", group="board"),
    F("member", person="Jay Kreps", org="Anthropic", group="board"),
    F("role", person="Dario Amodei", org="Anthropic", role="chief executive"),
    F("role", person="Daniela Amodei", org="Anthropic", role="president"),
    F("role", person="Yasmin Razavi", org="Spark Capital", role="partner"),
    F("founded", person="Jay Kreps", org="Confluent"),
    F("role", person="Jay Kreps", org="Confluent", role="chief executive"),
    F("joined", person="Jay Kreps", org="Anthropic", role="board member", date="2024"),
])

# 008 ---------------------------------------------------------------
art(8, "karpathy-eureka-labs", "Andrej Karpathy's next act is a school",
    "2024-07-17", "2024/07/karpathy-eureka-labs", "feature", """
Andrej Karpathy has spent the past decade moving between two of the most closely watched AI shops in the world. Now he is building one of his own.

On Tuesday, Karpathy announced Eureka Labs, which he describes as an "AI native" school: human teachers design course material, and an AI teaching assistant helps each student work through it. The first offering will be LLM101n, an undergraduate-level class in which students train a small AI model of their own.

It is a fitting turn for a researcher whose Stanford lectures and YouTube tutorials made him something of a celebrity among programmers.

Karpathy was part of the original research team at OpenAI when the lab launched in 2015. In June 2017 Tesla hired him away from OpenAI to be its director of artificial intelligence, reporting directly to Elon Musk and running the computer-vision work behind Autopilot.

He spent five years there. After a four-month sabbatical, he said in July 2022 that he was leaving the carmaker, explaining that he wanted to get back to hands-on technical work, open source and education.

The next chapter was brief. Karpathy returned to OpenAI in February 2023, and a year later, in February 2024, he walked out again. He wrote at the time that nothing in particular had happened and that there was no drama behind the decision.

Eureka Labs, for now, appears to be mostly Karpathy himself. He has not said whether he has raised outside money, and the company has not disclosed any investors.

"It's the culmination of my passion in both AI and education," he wrote.
""", [
    F("founded", person="Andrej Karpathy", org="Eureka Labs", date="2024-07-16"),
    F("founded", person="Andrej Karpathy", org="OpenAI", date="2015", **NR),
    F("joined", person="Andrej Karpathy", org="Tesla", role="director of artificial intelligence", from_org="OpenAI", date="2017-06"),
    F("left", person="Andrej Karpathy", org="Tesla", date="2022-07", reasons=["career"]),
    F("joined", person="Andrej Karpathy", org="OpenAI", date="2023-02"),
    F("left", person="Andrej Karpathy", org="OpenAI", date="2024-02"),
])

# 009 ---------------------------------------------------------------
art(9, "tim-brooks-deepmind", "Sora co-lead Tim Brooks decamps to Google DeepMind",
    "2024-10-04", "2024/10/tim-brooks-deepmind", "blog", """
Another week, another name on the list of people leaving OpenAI.

This time it is Tim Brooks, one of the two researchers who led the team behind Sora, OpenAI's text-to-video model. Brooks said this week that he is joining Google DeepMind, where he will work on video generation and what he called "world simulators."

"I had an amazing two years at OpenAI making Sora," he wrote, thanking the people he worked with. Demis Hassabis, Google DeepMind's chief executive, replied that he was thrilled to welcome Brooks and to make "the long-standing dream of a world simulator a reality."

At OpenAI, Brooks co-led Sora with William Peebles and was among the first people on the project when it began in early 2023. Before that he did his PhD at Berkeley, and he had worked earlier on Pixel camera features at Google and on video generation models at Nvidia. So in a sense this is a homecoming.

The timing is awkward for OpenAI. Sora was shown off in February but still has not been released to the public, and reports have suggested the first version was slow, needing several minutes to produce a short clip. Competitors such as Runway and Luma have shipped products in the meantime, and Google has its own video model, Veo.

For DeepMind, the hire fits a pattern: its Genie models already generate small playable worlds, and Brooks's arrival signals it wants to push further in that direction.

Whether Sora can keep its momentum without him is the question worth watching.
""", [
    F("left", person="Tim Brooks", org="OpenAI", to_org="Google DeepMind", date="2024-10"),
    F("joined", person="Tim Brooks", org="Google DeepMind", from_org="OpenAI", date="2024-10"),
    F("member", person="Tim Brooks", org="OpenAI", group="Sora team", role="co-lead"),
    F("member", person="William Peebles", org="OpenAI", group="Sora team", role="co-lead"),
    F("role", person="Demis Hassabis", org="Google DeepMind", role="chief executive"),
    F("left", person="Tim Brooks", org="Google", **NR),
    F("left", person="Tim Brooks", org="Nvidia", **NR),
])

# 010 ---------------------------------------------------------------
art(10, "amazon-prasad-exit", "Amazon AGI chief Rohit Prasad to leave; DeSantis to run combined AI and chips group",
    "2025-12-18", "2025/12/amazon-prasad-exit", "wire", """
SEATTLE, Dec 18 — Rohit Prasad, the senior vice president and head scientist who has led Amazon's artificial general intelligence group, will leave the company at the end of the year, Chief Executive Andy Jassy told employees on Wednesday.

Prasad joined Amazon in 2013, in the early days of the Alexa voice assistant, and was put in charge of the AGI effort in 2023. Under him the group built the Nova family of models, the second generation of which was unveiled only two weeks ago at the re:Invent conference.

In the same memo, Jassy said Peter DeSantis, a 27-year company veteran who has run AWS Utility Computing, will lead a new organization that brings together the AGI group, Amazon's custom chip teams and its quantum computing work. DeSantis will report directly to Jassy.

Pieter Abbeel, the UC Berkeley professor who came to Amazon in 2024 when it hired the founders of the robotics startup Covariant, will lead the frontier model research team within the AGI organization, the memo said.

Jassy praised Prasad for building a strong team and differentiated technology. The memo did not say what Prasad would do next.

The reshuffle comes as Amazon tries to narrow the gap with OpenAI and Google. It also follows reports this week that Amazon is in talks to invest in OpenAI, which neither company has confirmed.

""", [
    F("left", person="Rohit Prasad", org="Amazon", role="senior vice president and head scientist", date="2025"),
    F("role", person="Rohit Prasad", org="Amazon", role="senior vice president and head scientist"),
    F("member", person="Rohit Prasad", org="Amazon", group="artificial general intelligence group", role="head", **NR),
    F("joined", person="Rohit Prasad", org="Amazon", date="2013"),
    F("role", person="Andy Jassy", org="Amazon", role="chief executive"),
    F("member", person="Peter DeSantis", org="Amazon", group="new AI, chips and quantum organization", role="lead", **NR),
    F("group_event", org="Amazon", group="new AI, chips and quantum organization", action="formed", date="2025-12-17", **NR),
    F("member", person="Pieter Abbeel", org="Amazon", group="frontier model research team", role="lead"),
    F("joined", person="Pieter Abbeel", org="Amazon", from_org="Covariant", date="2024"),
    F("founded", person="Pieter Abbeel", org="Covariant"),
    F("role", person="Pieter Abbeel", org="UC Berkeley", role="professor"),
])

# 011 (trap) --------------------------------------------------------
art(11, "amd-silo-ai", "Analysis: what AMD is really buying with Silo AI",
    "2024-07-11", "2024/07/amd-silo-ai", "analysis", """
AMD's agreement on Wednesday to buy Silo AI for about $665 million in cash is, on paper, a software deal. In practice it is a hiring deal.

The Helsinki company calls itself Europe's largest private AI lab. It has more than 300 staff, a large share of them with doctorates, and it builds custom models for industrial clients. It also trained the open Poro and Viking language models for Nordic languages on LUMI, a Finnish supercomputer that happens to run on AMD's Instinct accelerators.

That last detail explains the logic. AMD's biggest weakness against Nvidia is not silicon but software: developers know Nvidia's CUDA, and few know AMD's ROCm stack. A team that has already trained large models on AMD hardware can help customers do the same.

The purchase is the latest in a string. Over the past year AMD has bought the French startup Mipsology and Nod.ai, and it says it has put about $125 million into a dozen AI companies. The Silo AI transaction, which still needs regulatory approval, is expected to close in the second half of the year; Silo's current leadership will keep running the unit inside AMD's AI group.

Silo built Poro together with the TurkuNLP research group at the University of Turku, a partnership the company says will continue.

For Finland's startup scene, the deal is among the largest exits of its kind in Europe. For AMD, the test comes later: whether 300 engineers can move a market that has spent fifteen years learning someone else's tools.
""", [])

# 012 (trap) --------------------------------------------------------
art(12, "nvidia-runai-closes", "Chip Notes, Dec. 31: Nvidia closes Run:ai after long review",
    "2024-12-31", "2024/12/chip-notes-runai", "newsletter", """
Happy New Year's Eve. One deal to close out 2024.

**Nvidia finishes the Run:ai purchase.** Nvidia said on Monday that it had completed its acquisition of Run:ai, the Tel Aviv company whose software schedules and shares GPU capacity across clusters. The chipmaker first announced the deal in April without giving a price; reports at the time put it at roughly $700 million.

The closing took longer than usual. The European Commission opened a review after Italy's competition authority referred the deal, and US antitrust officials were reported to be examining it as well. Brussels cleared the transaction without conditions earlier this month.

**Why it matters.** Customers who rent or run large numbers of GPUs want to squeeze more work out of each chip, and Run:ai's software does exactly that. Critics worried that Nvidia could steer the product towards its own hardware. In response, Run:ai says it intends to open-source its software so it can be used with other accelerators too.

**Also noted.** It was not Nvidia's only software purchase of the year: in September it picked up OctoAI, a Seattle inference startup, in a deal reported at around $250 million.

**Partnership watch.** Run:ai had already worked closely with Nvidia for years, integrating its scheduler with the DGX platform before the two companies agreed to combine.

See you in 2025.
""", [])

# ---------------------------------------------------------------------
def main():
    art_dir = HERE / "articles"
    art_dir.mkdir(exist_ok=True)
    docs, gold = [], []
    for num, slug, title, published, path, style, body, facts in A:
        doc_id = f"blind2-{num:03d}"
        url = f"{HOST}/{path}"
        md = f"---\nid: {doc_id}\ntitle: {title}\npublished: {published}\nurl: {url}\nstyle: {style}\n---\n{body}\n"
        (art_dir / f"{num:03d}-{slug}.md").write_text(md, encoding="utf-8")
        docs.append({"id": doc_id, "text": body, "published": published, "url": url, "title": title})
        fs = []
        for f in facts:
            f = dict(f)
            f["doc"] = doc_id
            fs.append(f)
        gold.append({"doc": doc_id, "facts": fs})
    with open(HERE / "docs.jsonl", "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
