"""Given and family names that are also everyday words: "Hope", "Will", "Frank",
"Grace", "Mark", "Green", "Park" (red team 11, R11-17), and the short forms of
given names that are ("Rob", "Bill", "Kit", "Chuck", "Kitty").

Such a word names someone only where its capitals say so: alone inside a sentence
(ivsite.names.wordnames), with the family name both capitalised or run into it as
a handle (ivsite.names.givenforms). A list, not a dictionary: the words are few,
and a name that is a rare word ("Quentin") keeps every form.
"""

from __future__ import annotations

_LISTED = """
    amber angel april art ash august autumn baker bank banks bear bell bill bishop black
    brook brown buck bud carter case cash charity chase chip cliff cook cooper crystal
    daisy dale dawn destiny don dot drew east faith field fields fisher fox frank glen
    gold grace grant gray green grey guy hall harmony hawk hazel heather hill holly
    honor honour hope hunter iris ivy jack jade joy june king lance lane lily little
    long lord love major mark mason may melody mercy miles miller moon nick north olive
    page park pat patience pearl penny porter price prudence rain ray reed rice rich
    river rivers rob robin rocky rod rose royal ruby rusty sage sandy short silver sky
    small south star stone storm sue summer sun sunny turner violet wade walker ward
    west white will winter wolf wood woods young
    ant dick dob hap hob kit lib midge peg randy tory
    billy cat chuck hank jimmy kitty mike patty teddy
    app bat berry bias bob brandy cage candy char charm chat chick cleat con court crate
    day dicey dilly dolly duty dutch fall fate fay fie flick ford gay gee ginger glory gory
    gum ham haps herb honey hop hub india jock kill lea leet left link lolly mac mack mock
    moss nan nanny nap nappy newt nib ode one pate pip pink pokey see sherry sis sly squat
    tabby teeny than tick tiff tine vest vet vin wash win woody life
    experience relief silence providence temperance obedience deliverance pleasant serene
    """
WORD_NAMES = frozenset(_LISTED.split())
"""Folded, one word each. The last lines are short forms the tables of given names
list (ivsite.names.nicknamed) that are everyday words: "Quinlan left early" names
no one, though "Left" is a short form there."""
