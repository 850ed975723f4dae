"""Generate ``catalog/data/store.json``, the bundled general-store demo catalog.

    python tools/gen_store_catalog.py            # rewrites catalog/data/store.json
    python tools/gen_store_catalog.py --check    # exit 1 if the committed file is out of date

The products are written by hand below (name, price, aliases, which variants apply); only the stock
levels are drawn from a fixed-seed random generator, so the output is the same on every run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "catalog" / "data" / "store.json"
SEED = 2024

# variant kinds: clothing sizes x colours, shoe sizes, colours only, sizes only (with price steps)
APPAREL_SIZES = ["xs", "s", "m", "l", "xl"]
SHOE_SIZES = ["6", "7", "8", "9", "10", "11", "12"]

# category -> [(name, price, aliases, variants, extra)]; variants: None | "apparel:<colours>" |
# "shoes" | "colour:<colours>" | "size:<label=delta;...>"
CATALOG: dict[str, list[tuple[str, str, list[str], str | None]]] = {
    "clothing": [
        ("crew neck t-shirt", "12.00", ["t-shirt", "tee", "tshirt"], "apparel:white,black,navy,red"),
        ("v-neck t-shirt", "13.00", ["v neck tee"], "apparel:white,grey,black"),
        ("long sleeve t-shirt", "16.00", ["long sleeve tee"], "apparel:white,black,olive"),
        ("hoodie", "35.00", ["hooded sweatshirt", "hoody"], "apparel:grey,black,navy,burgundy"),
        ("zip hoodie", "39.00", ["zip up hoodie"], "apparel:grey,black"),
        ("crewneck sweatshirt", "30.00", ["sweatshirt", "jumper"], "apparel:grey,navy,green"),
        ("wool sweater", "55.00", ["sweater", "knit sweater"], "apparel:cream,charcoal,navy"),
        ("denim jacket", "65.00", ["jean jacket"], "apparel:blue,black"),
        ("rain jacket", "70.00", ["raincoat", "waterproof jacket"], "apparel:yellow,navy,black"),
        ("puffer jacket", "90.00", ["puffer", "down jacket", "winter coat"], "apparel:black,olive,red"),
        ("slim jeans", "48.00", ["jeans", "denim jeans"], "apparel:blue,black,grey"),
        ("chino trousers", "42.00", ["chinos", "trousers", "pants"], "apparel:khaki,navy,black"),
        ("jogger pants", "32.00", ["joggers", "sweatpants", "track pants"], "apparel:grey,black"),
        ("cargo shorts", "28.00", ["shorts"], "apparel:khaki,olive"),
        ("summer dress", "45.00", ["dress", "sundress"], "apparel:blue,yellow,floral"),
        ("pleated skirt", "34.00", ["skirt"], "apparel:black,navy"),
        ("flannel shirt", "36.00", ["plaid shirt", "check shirt"], "apparel:red,green,blue"),
        ("oxford shirt", "40.00", ["button down shirt", "dress shirt"], "apparel:white,blue,pink"),
        ("polo shirt", "25.00", ["polo"], "apparel:white,navy,green"),
        ("leggings", "22.00", ["yoga pants", "tights"], "apparel:black,grey,navy"),
        ("pyjama set", "38.00", ["pajamas", "pyjamas", "pjs"], "apparel:blue,pink,grey"),
        ("beanie hat", "15.00", ["beanie", "woolly hat", "knit hat"], "colour:black,grey,red,mustard"),
        ("baseball cap", "18.00", ["cap", "ball cap"], "colour:black,navy,white,red"),
        ("knit scarf", "20.00", ["scarf"], "colour:grey,red,navy,cream"),
        ("winter gloves", "16.00", ["gloves"], "size:small=0;medium=0;large=0"),
        ("ankle socks 3 pack", "9.00", ["socks", "ankle socks"], "size:small=0;medium=0;large=0"),
        ("wool socks", "12.00", ["hiking socks", "warm socks"], "size:medium=0;large=0"),
        ("leather belt", "28.00", ["belt"], "size:s=0;m=0;l=0;xl=0"),
    ],
    "shoes": [
        ("canvas sneakers", "45.00", ["sneakers", "trainers", "canvas shoes"], "shoes"),
        ("running shoes", "85.00", ["runners", "running trainers"], "shoes"),
        ("hiking boots", "110.00", ["boots", "walking boots"], "shoes"),
        ("rain boots", "40.00", ["wellies", "wellington boots", "gumboots"], "shoes"),
        ("leather loafers", "75.00", ["loafers"], "shoes"),
        ("flip flops", "12.00", ["thongs", "sandals"], "shoes"),
        ("house slippers", "20.00", ["slippers"], "shoes"),
        ("ankle boots", "95.00", ["chelsea boots"], "shoes"),
    ],
    "grocery": [
        ("whole milk 1 gallon", "4.29", ["milk", "whole milk", "gallon of milk"], None),
        ("oat milk", "4.49", ["oat drink"], None),
        ("large eggs dozen", "3.99", ["eggs", "dozen eggs", "a dozen eggs"], None),
        ("sourdough bread", "5.50", ["sourdough", "bread", "loaf of bread"], None),
        ("whole wheat bread", "3.79", ["brown bread", "wheat bread"], None),
        ("salted butter", "4.99", ["butter"], None),
        ("cheddar cheese", "5.49", ["cheddar", "cheese"], None),
        ("greek yogurt", "5.29", ["yogurt", "yoghurt"], None),
        ("bananas", "0.69", ["banana", "bunch of bananas"], None),
        ("gala apples", "1.99", ["apples", "apple"], None),
        ("navel oranges", "1.49", ["oranges", "orange"], None),
        ("avocado", "1.25", ["avocados"], None),
        ("baby spinach", "3.99", ["spinach"], None),
        ("roma tomatoes", "2.49", ["tomatoes", "tomato"], None),
        ("yellow onions", "1.99", ["onions", "onion"], None),
        ("russet potatoes 5 lb", "4.49", ["potatoes", "bag of potatoes"], None),
        ("spaghetti", "1.79", ["pasta", "spaghetti pasta"], None),
        ("penne pasta", "1.79", ["penne"], None),
        ("jasmine rice", "6.99", ["rice"], "size:2 lb=0;5 lb=+6.00"),
        ("rolled oats", "4.29", ["oats", "oatmeal", "porridge oats"], None),
        ("granola", "5.99", ["muesli"], None),
        ("corn flakes", "3.99", ["cereal", "cornflakes"], None),
        ("peanut butter", "3.49", ["pb"], "size:smooth=0;crunchy=0"),
        ("strawberry jam", "3.99", ["jam", "jelly", "strawberry jelly"], None),
        ("wildflower honey", "7.99", ["honey"], None),
        ("maple syrup", "9.99", ["syrup", "pure maple syrup"], None),
        ("extra virgin olive oil", "11.99", ["olive oil", "evoo"], None),
        ("canola oil", "4.99", ["vegetable oil", "cooking oil"], None),
        ("sea salt", "2.99", ["salt"], None),
        ("black peppercorns", "4.49", ["pepper", "black pepper"], None),
        ("ground coffee", "9.99", ["coffee", "coffee grounds"], "size:medium roast=0;dark roast=0;decaf=+1.00"),
        ("coffee beans", "13.99", ["whole bean coffee", "beans"], None),
        ("english breakfast tea", "4.49", ["tea", "tea bags", "black tea"], None),
        ("green tea", "4.49", ["green tea bags"], None),
        ("dark chocolate bar", "2.99", ["chocolate", "chocolate bar"], None),
        ("potato chips", "3.49", ["chips", "crisps"], "size:sea salt=0;salt and vinegar=0;barbecue=0"),
        ("tortilla chips", "3.29", ["nachos"], None),
        ("salted peanuts", "2.99", ["peanuts", "nuts"], None),
        ("sparkling water 12 pack", "5.99", ["sparkling water", "seltzer", "fizzy water"], None),
        ("orange juice", "4.99", ["oj", "juice"], None),
        ("cola 6 pack", "5.49", ["cola", "coke", "soda"], None),
        ("bottled water 24 pack", "4.99", ["water", "bottled water", "case of water"], None),
        ("frozen pizza", "6.99", ["pizza"], "size:margherita=0;pepperoni=+1.00;veggie=+0.50"),
        ("vanilla ice cream", "5.49", ["ice cream"], None),
        ("frozen peas", "2.49", ["peas"], None),
        ("chicken breast", "8.99", ["chicken"], None),
        ("ground beef", "7.49", ["mince", "minced beef", "beef"], None),
        ("canned tomatoes", "1.49", ["tinned tomatoes", "chopped tomatoes"], None),
        ("black beans", "1.29", ["beans", "canned beans"], None),
        ("chicken noodle soup", "2.49", ["soup", "chicken soup"], None),
        ("all purpose flour", "3.99", ["flour", "plain flour"], None),
        ("granulated sugar", "3.49", ["sugar", "white sugar"], None),
        ("ketchup", "2.99", ["tomato ketchup", "tomato sauce"], None),
        ("yellow mustard", "1.99", ["mustard"], None),
        ("mayonnaise", "3.99", ["mayo"], None),
    ],
    "household": [
        ("paper towels 6 roll", "9.99", ["paper towels", "kitchen roll"], None),
        ("toilet paper 12 roll", "11.99", ["toilet paper", "toilet roll", "loo roll"], None),
        ("facial tissues", "2.49", ["tissues", "kleenex"], None),
        ("dish soap", "3.49", ["washing up liquid", "dishwashing liquid"], None),
        ("dishwasher tablets", "12.99", ["dishwasher pods"], None),
        ("laundry detergent", "13.99", ["washing powder", "detergent", "laundry soap"], None),
        ("fabric softener", "6.99", ["softener"], None),
        ("all purpose cleaner", "4.49", ["surface spray", "cleaner"], None),
        ("glass cleaner", "3.99", ["window cleaner", "windex"], None),
        ("bleach", "3.29", [], None),
        ("sponges 6 pack", "3.99", ["sponges", "sponge", "scrubbers"], None),
        ("trash bags", "8.99", ["bin bags", "garbage bags", "bin liners"], "size:13 gallon=0;30 gallon=+3.00"),
        ("aluminum foil", "4.49", ["foil", "tin foil", "aluminium foil"], None),
        ("plastic wrap", "3.49", ["cling film", "cling wrap", "saran wrap"], None),
        ("zip bags", "4.29", ["ziploc bags", "sandwich bags", "freezer bags"], None),
        ("light bulb", "5.99", ["bulb", "led bulb", "lightbulb"], "size:40 watt=0;60 watt=0;100 watt=+1.00"),
        ("aa batteries 8 pack", "8.99", ["aa batteries", "double a batteries", "batteries"], None),
        ("aaa batteries 8 pack", "8.99", ["aaa batteries", "triple a batteries"], None),
        ("scented candle", "14.00", ["candle"], "size:vanilla=0;lavender=0;cedar=0"),
        ("matches", "1.49", ["box of matches"], None),
        ("broom", "16.99", ["sweeping brush"], None),
        ("mop and bucket", "24.99", ["mop", "bucket"], None),
        ("microfiber cloths", "7.99", ["cleaning cloths", "dusters"], None),
        ("air freshener", "4.99", ["room spray"], None),
    ],
    "kitchen": [
        ("ceramic mug", "9.00", ["mug", "coffee mug", "cup"], "colour:white,black,blue,speckled"),
        ("travel mug", "19.00", ["thermos", "insulated mug", "tumbler"], "colour:black,silver,green"),
        ("water bottle", "22.00", ["reusable bottle", "steel bottle"], "colour:black,white,teal,pink"),
        ("electric kettle", "39.00", ["kettle"], "colour:white,black,silver"),
        ("french press", "29.00", ["cafetiere", "coffee press", "plunger"], None),
        ("toaster", "34.00", ["2 slice toaster"], "colour:white,black,red"),
        ("nonstick frying pan", "32.00", ["frying pan", "skillet", "fry pan"], "size:8 inch=0;10 inch=+6.00;12 inch=+12.00"),
        ("stainless saucepan", "28.00", ["saucepan", "pot"], "size:1 quart=0;2 quart=+5.00;3 quart=+9.00"),
        ("chef's knife", "45.00", ["kitchen knife", "knife", "chef knife"], None),
        ("cutting board", "18.00", ["chopping board"], "size:small=0;large=+8.00"),
        ("mixing bowls set", "24.00", ["mixing bowls", "bowls"], None),
        ("measuring cups", "9.00", ["measuring spoons"], None),
        ("wooden spoon", "4.00", ["cooking spoon"], None),
        ("silicone spatula", "7.00", ["spatula"], None),
        ("whisk", "6.00", ["balloon whisk"], None),
        ("can opener", "8.00", ["tin opener"], None),
        ("colander", "12.00", ["strainer"], None),
        ("dinner plates set of 4", "32.00", ["plates", "dinner plates"], "colour:white,grey"),
        ("drinking glasses set of 6", "20.00", ["glasses", "tumblers"], None),
        ("food storage containers", "19.00", ["tupperware", "containers"], None),
        ("baking sheet", "14.00", ["baking tray", "cookie sheet"], None),
        ("oven mitts", "11.00", ["oven gloves", "pot holders"], "colour:red,grey,navy"),
        ("dish towels 3 pack", "10.00", ["tea towels", "dish towels"], None),
    ],
    "personal care": [
        ("shampoo", "6.99", ["hair shampoo"], "size:normal hair=0;dry hair=0;anti dandruff=+1.00"),
        ("conditioner", "6.99", ["hair conditioner"], None),
        ("body wash", "5.99", ["shower gel"], None),
        ("bar soap 4 pack", "4.99", ["soap", "bar soap"], None),
        ("hand soap", "3.49", ["liquid soap", "hand wash"], None),
        ("toothpaste", "3.99", ["tooth paste"], None),
        ("toothbrush 2 pack", "4.99", ["toothbrush", "toothbrushes"], "size:soft=0;medium=0"),
        ("dental floss", "2.99", ["floss"], None),
        ("mouthwash", "5.49", ["mouth wash"], None),
        ("deodorant", "4.99", ["antiperspirant"], None),
        ("sunscreen spf 50", "11.99", ["sunscreen", "sun cream", "sunblock"], None),
        ("lip balm", "2.99", ["chapstick", "lip salve"], None),
        ("hand cream", "6.49", ["hand lotion"], None),
        ("body lotion", "7.99", ["moisturiser", "moisturizer", "lotion"], None),
        ("razors 4 pack", "9.99", ["razors", "razor", "disposable razors"], None),
        ("shaving cream", "4.49", ["shaving foam", "shave gel"], None),
        ("cotton swabs", "2.99", ["q tips", "cotton buds"], None),
        ("pain relief tablets", "6.99", ["painkillers", "ibuprofen", "headache tablets"], None),
        ("adhesive bandages", "4.49", ["band aids", "plasters", "bandages"], None),
        ("hair ties", "3.49", ["hair bands", "scrunchies"], None),
    ],
    "stationery": [
        ("ballpoint pens 10 pack", "4.99", ["pens", "biro", "ballpoint pen"], "colour:blue,black,red"),
        ("gel pens", "6.99", ["gel pen"], None),
        ("pencils 12 pack", "3.49", ["pencils", "pencil"], None),
        ("highlighters 4 pack", "4.49", ["highlighters", "highlighter", "markers"], None),
        ("permanent marker", "1.99", ["sharpie", "marker"], "colour:black,blue,red"),
        ("spiral notebook", "3.99", ["notebook", "exercise book"], "colour:blue,red,green,black"),
        ("hardcover journal", "14.00", ["journal", "diary", "notebook with hard cover"], "colour:black,tan,navy"),
        ("sticky notes", "3.99", ["post its", "post it notes"], None),
        ("printer paper 500 sheets", "7.99", ["printer paper", "copy paper", "a4 paper"], None),
        ("envelopes 50 pack", "5.49", ["envelopes"], None),
        ("stapler", "8.99", [], None),
        ("scissors", "5.99", ["pair of scissors"], None),
        ("clear tape", "2.49", ["sellotape", "scotch tape", "sticky tape"], None),
        ("glue stick", "1.99", ["glue"], None),
        ("ruler", "1.49", ["30 cm ruler"], None),
        ("eraser", "0.99", ["rubber"], None),
        ("colored pencils 24 pack", "7.99", ["colouring pencils", "coloured pencils"], None),
        ("sketchbook", "9.99", ["sketch pad", "drawing pad"], None),
        ("birthday card", "3.99", ["card", "greeting card"], None),
        ("gift wrap", "4.99", ["wrapping paper"], None),
    ],
    "toys and games": [
        ("jigsaw puzzle 1000 pieces", "16.00", ["jigsaw", "puzzle"], None),
        ("playing cards", "4.00", ["deck of cards", "cards"], None),
        ("board game classic", "25.00", ["board game"], None),
        ("building blocks set", "30.00", ["building blocks", "bricks", "lego"], None),
        ("teddy bear", "18.00", ["stuffed bear", "soft toy", "plush bear"], "colour:brown,cream"),
        ("toy car", "7.00", ["die cast car", "model car"], "colour:red,blue,yellow"),
        ("bubble wand", "3.00", ["bubbles"], None),
        ("frisbee", "9.00", ["flying disc"], None),
        ("kite", "15.00", [], None),
        ("yo-yo", "5.00", ["yoyo", "yo yo"], None),
        ("crayons 24 pack", "3.50", ["crayons"], None),
        ("modeling clay", "8.00", ["play dough", "playdough", "clay"], None),
        ("rubber duck", "4.00", ["bath duck"], None),
        ("soccer ball", "20.00", ["football"], "size:size 3=0;size 4=0;size 5=+2.00"),
        ("basketball", "24.00", [], None),
        ("tennis balls 3 pack", "6.00", ["tennis balls"], None),
    ],
    "electronics": [
        ("usb c charging cable", "12.00", ["usb c cable", "charging cable", "charger cable"], "size:1 meter=0;2 meter=+3.00"),
        ("lightning cable", "15.00", ["iphone cable"], None),
        ("wall charger", "19.00", ["charger", "usb charger", "plug charger"], None),
        ("power bank", "29.00", ["portable charger", "battery pack"], "size:10000 mah=0;20000 mah=+12.00"),
        ("wireless earbuds", "49.00", ["earbuds", "earphones", "wireless earphones"], "colour:black,white"),
        ("over ear headphones", "79.00", ["headphones"], "colour:black,silver"),
        ("bluetooth speaker", "39.00", ["speaker", "portable speaker"], "colour:black,blue,red"),
        ("wireless mouse", "22.00", ["mouse", "computer mouse"], "colour:black,grey"),
        ("keyboard", "35.00", ["computer keyboard", "wireless keyboard"], None),
        ("usb flash drive", "12.00", ["usb stick", "thumb drive", "memory stick"], "size:32 gb=0;64 gb=+5.00;128 gb=+12.00"),
        ("microsd card", "14.00", ["memory card", "sd card"], "size:64 gb=0;128 gb=+8.00"),
        ("hdmi cable", "11.00", [], None),
        ("extension cord", "16.00", ["extension lead", "power strip"], None),
        ("led flashlight", "13.00", ["flashlight", "torch"], None),
        ("smart plug", "17.00", ["wifi plug"], None),
        ("phone case", "18.00", ["case", "phone cover"], "colour:black,clear,blue,pink"),
        ("screen protector", "9.00", ["tempered glass"], None),
        ("alarm clock", "21.00", ["clock", "bedside clock"], None),
    ],
    "home": [
        ("bath towel", "16.00", ["towel", "bath sheet"], "colour:white,grey,navy,sage"),
        ("hand towel", "8.00", [], "colour:white,grey,navy"),
        ("bath mat", "18.00", ["bathmat", "shower mat"], "colour:white,grey"),
        ("cotton bed sheets", "45.00", ["bed sheets", "sheets", "sheet set"], "size:twin=0;full=+10.00;queen=+15.00;king=+25.00"),
        ("pillow", "22.00", ["bed pillow"], None),
        ("throw blanket", "30.00", ["blanket", "throw"], "colour:grey,cream,rust"),
        ("duvet", "80.00", ["comforter", "quilt"], "size:twin=0;queen=+20.00;king=+35.00"),
        ("cushion cover", "14.00", ["pillow cover"], "colour:mustard,grey,teal"),
        ("table lamp", "38.00", ["lamp", "bedside lamp"], "colour:white,black"),
        ("picture frame", "12.00", ["photo frame", "frame"], "size:4x6=0;5x7=+2.00;8x10=+5.00"),
        ("wall clock", "25.00", [], None),
        ("doormat", "19.00", ["door mat", "welcome mat"], None),
        ("laundry basket", "17.00", ["hamper", "washing basket"], None),
        ("clothes hangers 10 pack", "9.00", ["hangers", "coat hangers"], None),
        ("storage box", "13.00", ["storage bin", "box"], "size:small=0;medium=+4.00;large=+8.00"),
        ("shower curtain", "20.00", [], None),
    ],
    "garden": [
        ("potting soil", "8.99", ["compost", "soil"], None),
        ("terracotta plant pot", "7.00", ["plant pot", "flower pot", "pot"], "size:4 inch=0;6 inch=+3.00;8 inch=+6.00"),
        ("watering can", "15.00", [], None),
        ("garden hose", "29.00", ["hose", "hosepipe"], "size:25 ft=0;50 ft=+10.00"),
        ("garden gloves", "9.00", ["gardening gloves"], "size:small=0;medium=0;large=0"),
        ("hand trowel", "8.00", ["trowel"], None),
        ("pruning shears", "19.00", ["secateurs", "pruners", "clippers"], None),
        ("tomato seeds", "2.99", ["seeds", "seed packet"], None),
        ("basil plant", "4.99", ["basil", "herb plant"], None),
        ("bird seed", "7.99", ["bird food"], None),
        ("charcoal briquettes", "12.99", ["charcoal", "bbq charcoal"], None),
        ("citronella candle", "9.99", ["bug candle", "mosquito candle"], None),
    ],
    "pets": [
        ("dry dog food", "24.99", ["dog food", "kibble"], "size:5 lb=0;15 lb=+20.00"),
        ("wet cat food 12 pack", "13.99", ["cat food", "tins of cat food"], None),
        ("cat litter", "11.99", ["kitty litter"], None),
        ("dog treats", "6.99", ["treats", "dog biscuits"], None),
        ("dog leash", "15.00", ["lead", "leash"], "colour:red,black,blue"),
        ("dog collar", "12.00", ["collar"], "size:s=0;m=0;l=0"),
        ("chew toy", "8.00", ["dog toy"], None),
        ("cat toy mouse", "4.00", ["cat toy"], None),
        ("pet bowl", "9.00", ["dog bowl", "cat bowl"], None),
        ("poop bags", "5.99", ["dog waste bags"], None),
    ],
}


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.upper()).strip("-").replace("--", "-")


def _variants(sku: str, kind: str, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(option groups, variants) for a variant kind."""
    def stock() -> int:
        return rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20])

    if kind == "shoes":
        sizes = {"code": "size", "name": "shoe size", "required": True, "aliases": ["size"],
                 "values": [{"code": s, "name": f"size {s}", "aliases": [s]} for s in SHOE_SIZES]}
        return [sizes], [{"sku": f"{sku}-{s}", "options": {"size": s}, "stock": stock()} for s in SHOE_SIZES]
    head, _, spec = kind.partition(":")
    if head == "apparel":
        colours = spec.split(",")
        groups = [
            {"code": "colour", "name": "colour", "required": True, "aliases": ["color"],
             "values": [{"code": c, "name": c} for c in colours]},
            {"code": "size", "name": "size", "required": True,
             "values": [{"code": s, "name": {"xs": "extra small", "s": "small", "m": "medium", "l": "large",
                                             "xl": "extra large"}[s], "aliases": [s]} for s in APPAREL_SIZES]},
        ]
        variants = [{"sku": f"{sku}-{c[:3].upper()}{i}-{s.upper()}", "options": {"colour": c, "size": s}, "stock": stock()}
                    for i, c in enumerate(colours) for s in APPAREL_SIZES]
        return groups, variants
    if head == "colour":
        colours = spec.split(",")
        group = {"code": "colour", "name": "colour", "required": True, "aliases": ["color"],
                 "values": [{"code": c, "name": c} for c in colours]}
        return [group], [{"sku": f"{sku}-{_slug(c)}", "options": {"colour": c}, "stock": stock()} for c in colours]
    if head == "size":
        values = []
        for part in spec.split(";"):
            label, _, delta = part.partition("=")
            values.append({"code": _slug(label).lower(), "name": label, "price_delta": delta.lstrip("+") or "0"})
        name = "size" if any(ch.isdigit() for ch in spec) or spec.startswith(("small", "s=", "twin")) else "kind"
        group = {"code": name, "name": name, "required": True, "values": values}
        return [group], [{"sku": f"{sku}-{v['code'].upper()}", "options": {name: v["code"]}, "stock": stock()}
                         for v in values]
    raise ValueError(f"unknown variant kind {kind!r}")


def build() -> dict[str, Any]:
    rng = random.Random(SEED)
    products: list[dict[str, Any]] = []
    for category, items in CATALOG.items():
        for name, price, aliases, kind in items:
            sku = _slug(name)[:24].strip("-")
            product: dict[str, Any] = {"sku": sku, "name": name, "price": price, "category": category,
                                       "aliases": aliases, "brand": "Corner Store"}
            if kind is None:
                product["stock"] = rng.choice([None, None, 0, 3, 6, 10, 12, 18, 24, 40])
            else:
                groups, variants = _variants(sku, kind, rng)
                product["options"] = groups
                product["variants"] = variants
            products.append(product)
    skus = [p["sku"] for p in products]
    assert len(skus) == len(set(skus)), "duplicate SKU"
    return {"format": "voicecart-catalog", "version": 1, "currency": "USD", "products": products}


def render() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("store.json is up to date" if same else "store.json is out of date: run tools/gen_store_catalog.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(build()['products'])} products)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
