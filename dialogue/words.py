"""Common English words: never "corrected" into catalog words and never a product name on their own.

The lexicon corrects misheard words towards the catalog (fuzzy and phonetic); these everyday words are left
as they are, so "early" never becomes "earl" (grey) and "steamed" never becomes "steamer".
"""

from __future__ import annotations

STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with without from into onto up down out off over under again
i me my mine we us our you your yours he him his she her it its they them their this that these those
what which who whom whose where when why how all any both each few more most other some such no nor not
only own same so than too very can could will would shall should may might must do does did done doing
have has had having be is am are was were been being get got getting give gave make made take took want
wanted like liked need needed please thanks thank yes yeah yep ok okay sure right good great fine well
also just now then there here one ones order ordered ordering buy bought add added put get go going gonna
wanna lemme gimme let know see look looks looking think say said tell told ask asked hello hi hey bye
today tonight day time way thing things something anything everything nothing little lot lots bit some
much many size sized kind kinds type types sort sorts instead actually really maybe about around would
cup cups glass one two three four five six seven eight nine ten another else change changed make made
menu price cost costs stock available again same that last first second third cheaper cheapest
while whilst where there their these those then than them they when what which with without would
about above after again against because before being below between both during each further having
into itself just more most once only other ought ourselves same should such through until very
able also always anyway back been better came come comes coming could done else even ever every
found gave gets give given goes going gone hand hands hear heard help here hold home hope how
however keep kept kind later least less left life live long made mean means might mind miss
morning afternoon evening night week month year name named names nice okay open people person
place plan play pretty quite rather ready really remember said same says seem seems set shall
show shows side since sounds start still stop sure talk tell thank thanks that thing think
though thought today together told took toward try trying turn under upon used using wait
want wants was way ways well went were while whole why will wish within word words work
works world worry yes yet you your yours yourself anything something everything nothing
someone anyone everyone guess great good fine lovely perfect awesome correct right wrong
""".split())

# Everyday words that are no function words but still never misheard catalog words (the last lines: what a
# counter hands out with an order, never the clipped front of a product's name: "two straws" is no "strawberry").
COMMON = STOPWORDS | frozenset("""
early earlier later soon sooner fast quick quickly slow slowly hot cold warm cool nice fine lovely
pick picked up down scoot hurry rush tolerate dairy allergic allergy vegan healthy sweet sweeter sour
bitter strong weak light dark heavy big small tiny huge short tall long wide full empty half whole
drink drinks drinking coffee coffees beverage beverages food hungry thirsty tired sleepy awake morning
work working job great job awesome amazing wonderful excellent perfect lovely beautiful happy glad
sorry excuse pardon mister miss madam sir maam friend buddy guys folks everyone honey dear
mate mates pal pals lads chaps
name called call named friend wife husband son daughter mom dad kids kid family office team boss
today tomorrow yesterday now later tonight weekend monday tuesday wednesday thursday friday saturday sunday
minute minutes hour hours second seconds moment while time times first last next then before after
ready done finished complete completed correct incorrect right wrong good bad better best worse worst
something anything everything nothing lot lots bunch few several many much more less least most
thing things stuff kind sort type way ways bit bits piece pieces part parts side sides top bottom
see saw seen look looked looking watch show shown showed hear heard listen say said tell told talk
think thought know knew known guess suppose believe mean meant feel felt seem seemed sound sounded
try tried trying use used using make made making get got getting give gave given take took taken
bring brought buy bought pay paid order ordered want wanted need needed like liked love loved hate
enjoy enjoyed prefer preferred wish wished hope hoped mind minded care cared
plenty enough loads heaps tons plentiful
calling calls phone phoning phoned ringing texting crying waiting
party parties picnic potluck gathering meeting meetings celebration occasion event events guests visitors
holiday holidays shower reunion
also too either neither both each every other another same different such
yes yeah yep yup nope nah okay ok alright sure certainly definitely absolutely maybe perhaps probably
please thanks thank cheers welcome hello hi hey bye goodbye morning afternoon evening night
goodness gosh golly gee geez jeez blimey crikey heavens dear dearie
what when where which who whom whose why how whatever whenever wherever however
straw straws bag bags lid lids napkin napkins receipt receipts fork forks spoon spoons knife knives
sleeve sleeves tray trays carrier carriers utensils cutlery stirrer stirrers
pass skip till until
true truly false run runs running fits fitting
seat seats spot spots place places space spaces maker makers
""".split())
